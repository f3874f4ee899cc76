using Microsoft.Extensions.Logging;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Learning;
using OO.Learning.Features;

namespace OO.Grains.Users;

/// <summary>Tips: choosing and serving one, reactions and the rewards learned from them, the served-tip log.</summary>
public sealed partial class UserGrain
{
    async Task<Tip?> IUserGrain.GetTip()
    {
        var now = time.GetUtcNow();
        await RequestSyncs();
        // Only decides and starts: the generation runs detached from this request.
        GenerateIfDue(now);
        AddCalendarReminders(now);
        if (CurrentTip(now) is { } current)
        {
            return current.Tip;
        }

        var candidates = OpenCandidates(now);
        if (candidates.Count == 0)
        {
            return null;
        }

        return await Serve(candidates, viaPush: false);
    }

    async Task<TipState> IUserGrain.AwaitTipState(TimeSpan maxWait)
    {
        if (Syncing() && maxWait > TimeSpan.Zero)
        {
            // Interleaving: this wait holds no turn, so the snapshot it waits for is applied meanwhile.
            var applied = (_snapshotApplied ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            await Task.WhenAny(applied, Task.Delay(maxWait, time));
        }

        return !Exists || State.Integrations.Count == 0 ? TipState.NoSource
            : OpenCandidates(time.GetUtcNow()).Count > 0 ? TipState.Ready
            : Syncing() ? TipState.Syncing
            : TipState.AllDone;
    }

    /// <summary>True while a connected source has never delivered its tasks.</summary>
    private bool Syncing() => State.Integrations.Any(p => !State.Sources.ContainsKey(p));

    /// <summary>Wakes the tip requests waiting for a source's first tasks.</summary>
    private void SnapshotApplied()
    {
        _snapshotApplied?.TrySetResult();
        _snapshotApplied = null;
    }

    /// <summary>
    /// Chooses among <paramref name="candidates"/> with the serving policy, makes the choice the current
    /// tip, persists it and logs the decision.
    /// </summary>
    private Task<Tip> Serve(IReadOnlyList<(string Source, SourceTask Task)> candidates, bool viaPush) =>
        Serve(candidates, Choose(candidates), viaPush);

    /// <summary>The serving policy's choice among <paramref name="candidates"/>, with its propensity and the log entry that says why.</summary>
    private TipDecision Choose(IReadOnlyList<(string Source, SourceTask Task)> candidates) =>
        chooser.Choose(candidates.Select(c => (Key(c.Source, c.Task.SourceRef), FactsOf(c.Source, c.Task))).ToList(), learning.State, TimeZone(), _random, Day(time.GetUtcNow()));

    /// <summary>What the learner sees of a pool entry: a written candidate's kind, author and variant, or a task's facts.</summary>
    private TaskFacts FactsOf(string source, SourceTask task) =>
        Written(source, task.SourceRef) is { } written ? CandidatePool.Facts(written) : TipChooser.Facts(task);

    /// <summary>The cached written candidate behind a pool entry, or null for a source's task.</summary>
    private WrittenCandidate? Written(string source, string sourceRef) =>
        CandidatePool.IsWritten(source)
            ? State.Candidates.FirstOrDefault(c => c.Candidate.Source == source && c.Candidate.SourceRef == sourceRef)
            : null;

    /// <summary>Makes <paramref name="decision"/>'s choice among <paramref name="candidates"/> the current tip, persists it and logs the decision.</summary>
    private async Task<Tip> Serve(IReadOnlyList<(string Source, SourceTask Task)> candidates, TipDecision decision, bool viaPush)
    {
        var now = time.GetUtcNow();
        var (source, task) = candidates[decision.ChosenIndex];
        var written = Written(source, task.SourceRef)?.Candidate;
        var tip = new Tip(
            TipId: Guid.NewGuid().ToString("N"),
            Content: task.Content,
            Kind: written?.Kind ?? TipKind.Task,
            Source: source,
            SourceRef: task.SourceRef,
            ServedAt: now,
            ExpiresAt: now + _tips.Expiry,
            Policy: decision.Policy,
            Propensity: decision.Propensity,
            Model: written?.Model,
            PromptVersion: written?.PromptVersion);

        ServedTipLog.Append(State.Served, new ServedTip { Tip = tip, Score = decision.Score, Features = decision.Features, ViaPush = viaPush }, _tips.ServedLogSize);

        State.Stats = State.Stats with { TipsServed = State.Stats.TipsServed + 1 };
        await state.WriteStateAsync();
        analytics.Served(new ServedTipRecord(
            tip.TipId, UserId, now, decision.Policy, source, task.SourceRef, decision.Propensity, decision.LatencyMicroseconds, decision.DecisionJson,
            tip.Model, tip.PromptVersion, tip.Kind, written is null ? task.Priority : null));
        LogServed(logger, UserId, tip.TipId, decision.Policy, decision.LatencyMicroseconds);
        PublishServed(tip, viaPush);
        return tip;
    }

    async Task<FeedbackOutcome> IUserGrain.React(string tipId, Reaction reaction, long? dwellMs)
    {
        var served = State.Served.FirstOrDefault(s => s.Tip.TipId == tipId);
        if (served is null)
        {
            return new FeedbackOutcome(FeedbackStatus.UnknownTip);
        }

        if (served.HasOutcome)
        {
            return new FeedbackOutcome(FeedbackStatus.AlreadyReacted, served.Reward, served.Reaction);
        }

        var now = time.GetUtcNow();
        var reward = rewards.For(served.Tip.Kind, reaction, dwellMs);
        served.Reaction = reaction;
        served.ReactedAt = now;
        served.Reward = reward;

        var isWritten = CandidatePool.IsWritten(served.Tip.Source);
        if (isWritten)
        {
            // "Helpful" and "Not useful" answer a written candidate for good; "Not now" puts it off like a snoozed task.
            Answered(served.Tip, reaction, now);
        }
        else
        {
            State.HiddenUntil[Key(served.Tip.Source, served.Tip.SourceRef)] = reaction switch
            {
                Reaction.Snooze => now + _tips.SnoozeFor,
                Reaction.Dismiss => now + _tips.DismissFor,
                _ => DateTimeOffset.MaxValue,
            };
        }

        State.Stats = reaction switch
        {
            Reaction.Done => State.Stats with { Done = State.Stats.Done + 1 },
            Reaction.Snooze => State.Stats with { Snoozed = State.Stats.Snoozed + 1 },
            _ => State.Stats with { Dismissed = State.Stats.Dismissed + 1 },
        };

        // Only a task of a source with an account to close it in (not the demo) gets the promise; a written candidate never does.
        var closeAtSource = reaction == Reaction.Done && !isWritten && served.Tip.Kind == TipKind.Task && State.Integrations.Contains(served.Tip.Source)
            && sources.TryGet(served.Tip.Source, out var source) && source.RequiresAuthorization;
        if (closeAtSource)
        {
            // Promised in the same write as the reaction: the outbox hands it to the integration grain.
            PromiseClose(served);
        }

        await Reward(served, Name(reaction), dwellMs, reward, now);
        PublishFeedback(tipId, reaction, dwellMs, reward);
        if (closeAtSource)
        {
            await ArmOutbox();
        }

        GenerateIfDue(now);

        return new FeedbackOutcome(FeedbackStatus.Recorded, reward);
    }

    async Task<bool> IUserGrain.CompletedInSource(string source, string sourceRef)
    {
        var now = time.GetUtcNow();
        var shown = State.Served.LastOrDefault(s => s.Tip.Source == source && s.Tip.SourceRef == sourceRef);
        if (shown is null || shown.HasOutcome || now - shown.Tip.ServedAt > CompletionWindow)
        {
            return false;
        }

        await CompleteInSource(shown, now);
        await state.WriteStateAsync();
        return true;
    }

    /// <summary>Nudges (one-way, so the tip never waits) sources not nudged for a while; the integration grain decides whether its data is stale enough to poll.</summary>
    private Task RequestSyncs()
    {
        var now = time.GetUtcNow();
        var due = State.Integrations
            .Where(p => !_syncRequested.TryGetValue(p, out var at) || now - at >= integrationOptions.Value.OnDemandSyncAfter)
            .ToList();
        foreach (var provider in due)
        {
            _syncRequested[provider] = now;
        }

        return due.Count == 0 ? Task.CompletedTask : Task.WhenAll(due.Select(p => Integration(p).RequestSync()));
    }

    private async Task CompleteInSource(ServedTip shown, DateTimeOffset now)
    {
        shown.CompletedInSourceAt = now;
        shown.Reward = rewards.CompletedInSource;
        await Reward(shown, CompletedInSourceReaction, dwellMs: null, rewards.CompletedInSource, now);
        PublishCompletedInSource(shown);
    }

    /// <summary>Learns from a reward, recomputes the profile it changes, persists both states, and logs it.</summary>
    private async Task Reward(ServedTip served, string reaction, long? dwellMs, double reward, DateTimeOffset now)
    {
        chooser.Learn(learning.State, served.Features, reward);
        RebuildProfile(now);
        await learning.WriteStateAsync();
        await state.WriteStateAsync();
        analytics.Rewarded(new RewardRecord(served.Tip.TipId, UserId, now, reaction, dwellMs, reward));
    }

    /// <summary>Writes again the log rows of recent tips, which a crash may have lost before they reached the database.</summary>
    private void CatchUpLog()
    {
        var since = time.GetUtcNow() - LogCatchUpWindow;
        foreach (var served in State.Served.Where(s => s.Tip.ServedAt >= since))
        {
            var tip = served.Tip;
            var decision = TipChooser.RebuiltDecisionLog(Key(tip.Source, tip.SourceRef), served.Features, served.Score, tip.Propensity, tip.Policy);
            analytics.Served(new ServedTipRecord(tip.TipId, UserId, tip.ServedAt, tip.Policy, tip.Source, tip.SourceRef, tip.Propensity, 0, decision, tip.Model, tip.PromptVersion, tip.Kind));
            if (served.Reward is { } reward)
            {
                var reaction = served.Reaction is { } r ? Name(r) : CompletedInSourceReaction;
                var at = served.ReactedAt ?? served.CompletedInSourceAt ?? tip.ServedAt;
                analytics.Rewarded(new RewardRecord(tip.TipId, UserId, at, reaction, DwellMs: null, reward));
            }
        }
    }

    /// <summary>The current tip: for a written candidate, while it is still live; for a task, while its source still has it.</summary>
    private ServedTip? CurrentTip(DateTimeOffset now) =>
        State.Served is [.., { HasOutcome: false } last] && CandidatePool.IsWritten(last.Tip.Source)
            ? last.Tip.ExpiresAt > now && LiveCandidates(now).Any(c => c.Candidate.Source == last.Tip.Source && c.Candidate.SourceRef == last.Tip.SourceRef) ? last : null
            : ServedTipLog.Current(State.Served, State.Sources, now);

    /// <summary>Every source's open tasks, then the live written candidates.</summary>
    private List<(string Source, SourceTask Task)> OpenCandidates(DateTimeOffset now) =>
        [.. CandidatePool.Open(State.Sources, State.HiddenUntil, now), .. LiveCandidates(now).Select(CandidatePool.AsPoolEntry)];

    /// <summary>Takes an answered written candidate out of the pool ("Helpful", "Not useful") or puts it off ("Not now").</summary>
    private void Answered(Tip tip, Reaction reaction, DateTimeOffset now)
    {
        var index = State.Candidates.FindIndex(c => c.Candidate.Source == tip.Source && c.Candidate.SourceRef == tip.SourceRef);
        if (index < 0)
        {
            return;
        }

        if (reaction == Reaction.Snooze)
        {
            State.Candidates[index].HiddenUntil = now + _tips.SnoozeFor;
        }
        else
        {
            State.Candidates.RemoveAt(index);
        }

        State.Candidates.RemoveAll(c => c.ExpiresAt <= now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId} served tip {TipId} by {Policy} in {DecisionMicroseconds} µs")]
    private static partial void LogServed(ILogger logger, string userId, string tipId, string policy, long decisionMicroseconds);
}
