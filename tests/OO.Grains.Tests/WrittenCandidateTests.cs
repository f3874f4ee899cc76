using System.Diagnostics;
using System.Text.Json;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;
using OO.Learning.Features;

namespace OO.Grains.Tests;

/// <summary>
/// Issue 11: candidates written in the background join the pool beside tasks, are cached with an expiry that
/// survives a restart, are asked for at most every MinInterval, and never hold up a tip.
/// </summary>
public sealed class WrittenCandidateTests(CandidatesCluster cluster) : IClassFixture<CandidatesCluster>
{
    [Fact]
    public async Task A_candidate_written_in_the_background_is_served_with_its_kind_model_and_prompt_version()
    {
        var (user, title, advice) = await UserWithAdviceAsync();

        var tip = await AdviceTipAsync(user, title);

        Assert.Equal((TipKind.Advice, "ai", advice.Content, "test-model", "p1"), (tip.Kind, tip.Source, tip.Content, tip.Model, tip.PromptVersion));
        var row = cluster.Analytics.Served.Single(r => r.TipId == tip.TipId);
        Assert.Equal(("ai", "test-model", "p1"), (row.Source, row.Model, row.PromptVersion));
        // The advice's text was read for its meaning on this host, so the bandit learns its topic like a task's.
        using var decision = JsonDocument.Parse(row.DecisionJson);
        var chosen = decision.RootElement.GetProperty("candidates")[decision.RootElement.GetProperty("chosenIndex").GetInt32()];
        var features = chosen.GetProperty("features").EnumerateArray().Select(f => f.GetDouble()).ToList();
        Assert.Equal(1.0, features[FeatureRegistry.Names.ToList().IndexOf("kind_advice")]);
        Assert.Contains(features.Skip(FeatureRegistry.MeaningOffset).Take(8), f => f != 0);
        var task = cluster.Analytics.Served.First(r => r.UserId == user.GetPrimaryKeyString());
        Assert.Equal(("scripted", null, null), (task.Source, task.Model, task.PromptVersion));
        var generation = Assert.Single(cluster.Analytics.Generations, g => g.UserId == user.GetPrimaryKeyString());
        Assert.Equal(("generated", 1, 1, "abc123", 512), (generation.Outcome, generation.Candidates, generation.RejectionsByReason["url"], generation.ContextHash, generation.ContextBytes));
    }

    [Fact]
    public async Task The_generator_is_told_the_task_titles_reactions_and_local_time_but_no_id_or_email()
    {
        var (user, title, _) = await UserWithAdviceAsync();

        var (_, context) = Assert.Single(cluster.Generator.AskedAbout(title));
        var summary = await user.GetSummary();
        var json = JsonSerializer.Serialize(context);
        Assert.Equal([title], context.Tasks.Select(t => t.Title));
        Assert.Equal(3, context.MaxCandidates);
        Assert.Equal((0, 0, 0, 24), (context.Reactions.Done, context.Reactions.Snoozed, context.Reactions.Dismissed, context.Reactions.DoneByLocalHour.Count));
        Assert.DoesNotContain(summary.UserId, json, StringComparison.Ordinal);
        Assert.DoesNotContain(summary.Email, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_admin_view_lists_the_cached_candidates_with_who_wrote_them_and_until_when()
    {
        var before = cluster.Clock.GetUtcNow();
        var (user, _, advice) = await UserWithAdviceAsync();

        var candidate = Assert.Single((await user.GetAdminView())!.Candidates!);

        Assert.Equal(("ai", "advice", advice.Content, "test-model", "p1", 0.8), (candidate.Source, candidate.Kind, candidate.Content, candidate.Model, candidate.PromptVersion, candidate.Confidence));
        Assert.InRange(candidate.ExpiresAt - candidate.CreatedAt, TimeSpan.FromHours(24), TimeSpan.FromHours(24));
        Assert.True(candidate.CreatedAt >= before);
    }

    [Fact]
    public async Task Cached_candidates_survive_a_restart_of_the_user_grain()
    {
        var (user, title, advice) = await UserWithAdviceAsync();

        await cluster.Cluster.DeactivateAsync(user);

        Assert.Equal(advice.Content, Assert.Single((await user.GetAdminView())!.Candidates!).Content);
        Assert.Equal(advice.Content, (await AdviceTipAsync(user, title)).Content);
    }

    [Fact]
    public async Task An_expired_candidate_is_neither_listed_nor_served()
    {
        var (user, title, _) = await UserWithAdviceAsync();
        cluster.Generator.AnswerAbout(title, "test-model", "p1");

        cluster.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Empty((await user.GetAdminView())!.Candidates!);
        var tip = await user.GetTip();
        Assert.Equal((title, TipKind.Task), (tip?.Content, tip?.Kind));
        await Dismiss(user, tip!);
        Assert.Null(await user.GetTip());
    }

    [Fact]
    public async Task A_changed_context_waits_for_the_minimum_interval_before_it_is_written_for_again()
    {
        var (user, title, _) = await UserWithAdviceAsync();
        var first = Assert.Single(cluster.Generator.AskedAbout(title)).Context.LocalNow;
        var added = $"Write the report {Guid.NewGuid():N}";
        var now = cluster.Clock.GetUtcNow();
        cluster.Source.Account(user.GetPrimaryKeyString()).SetTasks(Task("t1", title), Task("t2", added));
        await user.ApplySnapshot(new TaskSnapshot(ScriptedTaskSource.ProviderName, 1_000, now, [Task("t1", title), Task("t2", added)]));

        // Another set of top tasks, asked for twice within the interval, then once after it.
        await user.GetTip();
        cluster.Clock.Advance(TimeSpan.FromHours(5));
        await user.GetTip();
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await user.GetTip();
        await cluster.Until(() => cluster.Generator.AskedAbout(title).Count >= 2, "the second generation");

        var asked = cluster.Generator.AskedAbout(title);
        Assert.Equal(2, asked.Count);
        Assert.True(asked[1].Context.LocalNow - first >= TimeSpan.FromHours(6));
        Assert.Contains(added, asked[1].Context.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task A_generator_that_never_answers_leaves_the_tip_fast_and_shows_nothing_it_did_not_write()
    {
        var title = $"Pay the rent {Guid.NewGuid():N}";
        cluster.Generator.AnswerAbout(title, "test-model", "p1", ScriptedGenerator.Candidate("Held advice", TipKind.Advice));
        cluster.Generator.Hold();
        try
        {
            var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Task("t1", title)));
            var tip = await cluster.NextTipAsync(user);
            await cluster.Until(() => cluster.Generator.AskedAbout(title).Count == 1, "the generation to start");

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(tip.TipId, (await user.GetTip())?.TipId);
            }

            await Dismiss(user, tip);
            Assert.Null(await user.GetTip());
            watch.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"Tips took {watch.Elapsed} while the generator was held.");
            Assert.Empty((await user.GetAdminView())!.Candidates!);
        }
        finally
        {
            cluster.Generator.Release();
        }
    }

    [Fact]
    public async Task Helpful_on_an_advice_rewards_the_bandit_with_the_advice_reward_and_closes_nothing_at_the_source()
    {
        var (user, title, _) = await UserWithAdviceAsync();
        var account = cluster.Source.Account(user.GetPrimaryKeyString());
        var tip = await AdviceTipAsync(user, title);
        var updates = (await user.GetAdminView())!.ModelUpdates;

        var outcome = await user.React(tip.TipId, Reaction.Done, dwellMs: 40_000);

        Assert.Equal((FeedbackStatus.Recorded, CandidatesCluster.HelpfulAdvice), (outcome.Status, outcome.Reward));
        var view = (await user.GetAdminView())!;
        Assert.Equal(updates + 1, view.ModelUpdates);
        Assert.Empty(view.Candidates!);
        Assert.Empty(account.Closed);
        Assert.Null(await user.GetTip());
    }

    [Fact]
    public async Task Not_now_on_an_advice_puts_it_off_and_it_comes_back_later()
    {
        var (user, title, advice) = await UserWithAdviceAsync();
        var tip = await AdviceTipAsync(user, title);

        await user.React(tip.TipId, Reaction.Snooze, dwellMs: null);

        Assert.Null(await user.GetTip());
        Assert.NotNull(Assert.Single((await user.GetAdminView())!.Candidates!).HiddenUntil);
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal((advice.Content, TipKind.Advice), ((await user.GetTip())?.Content, (await user.GetTip())?.Kind));
    }

    [Fact]
    public async Task A_full_cache_never_trims_the_candidate_on_screen_so_a_reaction_to_it_still_finds_it()
    {
        var (user, title, advice) = await UserWithAdviceAsync();
        await AdviceTipAsync(user, title);
        var added = $"Plan the offsite {Guid.NewGuid():N}";
        // More than the cache keeps (3 × MaxCandidates = 9) beside the advice, which is the oldest.
        var many = Enumerable.Range(0, 10).Select(i => ScriptedGenerator.Candidate($"Fresh advice {i} {Guid.NewGuid():N}", TipKind.Advice)).ToArray();
        cluster.Generator.AnswerAbout(added, "test-model", "p1", many);
        await ApplyAsync(user, [Task("t1", title), Task("t2", added)]);
        cluster.Clock.Advance(TimeSpan.FromHours(6));

        cluster.Generator.Hold();
        Tip shown;
        try
        {
            // Starts the second generation and serves again (the first tip has expired); the advice comes on screen.
            shown = await cluster.NextTipAsync(user);
            if (shown.Content == added)
            {
                await Dismiss(user, shown);
                shown = await cluster.NextTipAsync(user);
            }

            Assert.Equal(advice.Content, shown.Content);
        }
        finally
        {
            cluster.Generator.Release();
        }

        await cluster.Until(() => cluster.Analytics.Generations.Count(g => g.UserId == user.GetPrimaryKeyString()) == 2, "the second generation");
        var cached = (await user.GetAdminView())!.Candidates!;
        Assert.Equal(9, cached.Count);
        Assert.Contains(advice.Content, cached.Select(c => c.Content));
        Assert.Equal(shown.TipId, (await user.GetTip())?.TipId);
        await user.React(shown.TipId, Reaction.Snooze, dwellMs: null);
        Assert.NotNull(Assert.Single((await user.GetAdminView())!.Candidates!, c => c.Content == advice.Content).HiddenUntil);
    }

    [Fact]
    public async Task A_calendar_reminder_is_never_sent_to_the_generator()
    {
        var title = $"Book the train {Guid.NewGuid():N}";
        var meeting = $"Merger talks with Initech {Guid.NewGuid():N}";
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Task("t1", title)));
        await cluster.NextTipAsync(user);
        await cluster.Until(() => cluster.Analytics.Generations.Any(g => g.UserId == user.GetPrimaryKeyString()), "the first generation");
        var start = cluster.Clock.GetUtcNow() + TimeSpan.FromHours(7);
        var added = $"Pack a bag {Guid.NewGuid():N}";
        await ApplyAsync(
            user, [Task("t1", title), Task("t2", added)], new CalendarEntry("merger", start, start.AddHours(1), Busy: true, AllDay: false, ReminderTitle: meeting));

        // Within the reminder's lead but not the generation interval: the reminder joins the candidates.
        cluster.Clock.Advance(TimeSpan.FromHours(5.5));
        await user.GetTip();
        Assert.Contains((await user.GetAdminView())!.Candidates!, c => c.Content.Contains(meeting, StringComparison.Ordinal));
        // Past the interval, with another set of tasks: the next generation is asked while the reminder is live.
        cluster.Clock.Advance(TimeSpan.FromHours(0.5));
        await user.GetTip();
        await cluster.Until(() => cluster.Generator.AskedAbout(added).Count == 1, "the second generation");

        var (_, context) = Assert.Single(cluster.Generator.AskedAbout(added));
        Assert.Contains(added, context.Tasks.Select(t => t.Title));
        Assert.DoesNotContain(meeting, JsonSerializer.Serialize(context), StringComparison.Ordinal);
    }

    /// <summary>Gives the user's scripted source these tasks and events, in a snapshot no later sync overrides.</summary>
    private async Task ApplyAsync(IUserGrain user, SourceTask[] tasks, params CalendarEntry[] entries)
    {
        cluster.Source.Account(user.GetPrimaryKeyString()).SetTasks(tasks);
        await user.ApplySnapshot(new TaskSnapshot(ScriptedTaskSource.ProviderName, long.MaxValue / 2, cluster.Clock.GetUtcNow(), tasks) { Entries = entries });
    }

    /// <summary>A user with one task, whose first tip (the task) started a generation that wrote one advice.</summary>
    private async Task<(IUserGrain User, string Title, TipCandidate Advice)> UserWithAdviceAsync()
    {
        var title = $"Call the bank {Guid.NewGuid():N}";
        var advice = ScriptedGenerator.Candidate($"Block half an hour before lunch {Guid.NewGuid():N}", TipKind.Advice);
        cluster.Generator.AnswerAbout(title, "test-model", "p1", advice);
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Task("t1", title)));
        Assert.Equal(title, (await cluster.NextTipAsync(user)).Content);
        await cluster.Until(async () => (await user.GetAdminView())!.Candidates!.Count == 1, "the written candidate");
        return (user, title, advice);
    }

    /// <summary>Dismisses the task tip, so the next tip is the only other candidate: the advice.</summary>
    private async Task<Tip> AdviceTipAsync(IUserGrain user, string title)
    {
        var current = await cluster.NextTipAsync(user);
        if (current.Content == title)
        {
            await Dismiss(user, current);
            current = await cluster.NextTipAsync(user);
        }

        Assert.Equal(TipKind.Advice, current.Kind);
        return current;
    }

    private static async Task Dismiss(IUserGrain user, Tip tip) =>
        Assert.Equal(FeedbackStatus.Recorded, (await user.React(tip.TipId, Reaction.Dismiss, dwellMs: null)).Status);

    private SourceTask Task(string sourceRef, string title) => new(sourceRef, title, 2, null, null, cluster.Clock.GetUtcNow().AddDays(-1));
}
