using Microsoft.Extensions.Logging;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Learning;

namespace OO.Grains.Users;

/// <summary>Tips: choosing and serving one, reactions and the rewards learned from them, the served-tip log.</summary>
public sealed partial class UserGrain
{
    async Task<Tip?> IUserGrain.GetTip()
    {
        var now = time.GetUtcNow();
        await RequestSyncs();
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
        chooser.Choose(candidates.Select(c => (Key(c.Source, c.Task.SourceRef), c.Task)).ToList(), learning.State, TimeZone(), _random);

    /// <summary>Makes <paramref name="decision"/>'s choice among <paramref name="candidates"/> the current tip, persists it and logs the decision.</summary>
    private async Task<Tip> Serve(IReadOnlyList<(string Source, SourceTask Task)> candidates, TipDecision decision, bool viaPush)
    {
        var now = time.GetUtcNow();
        var (source, task) = candidates[decision.ChosenIndex];
        var tip = new Tip(
            TipId: Guid.NewGuid().ToString("N"),
            Content: task.Content,
            Kind: TipKind.Task,
            Source: source,
            SourceRef: task.SourceRef,
            ServedAt: now,
            ExpiresAt: now + _tips.Expiry,
            Policy: decision.Policy,
            Propensity: decision.Propensity);

        ServedTipLog.Append(State.Served, new ServedTip { Tip = tip, Score = decision.Score, Features = decision.Features, ViaPush = viaPush }, _tips.ServedLogSize);

        State.Stats = State.Stats with { TipsServed = State.Stats.TipsServed + 1 };
        await state.WriteStateAsync();
        analytics.Served(new ServedTipRecord(
            tip.TipId, UserId, now, decision.Policy, source, task.SourceRef, decision.Propensity, decision.LatencyMicroseconds, decision.DecisionJson));
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
        var reward = rewards.For(reaction, dwellMs);
        served.Reaction = reaction;
        served.ReactedAt = now;
        served.Reward = reward;

        State.HiddenUntil[Key(served.Tip.Source, served.Tip.SourceRef)] = reaction switch
        {
            Reaction.Snooze => now + _tips.SnoozeFor,
            Reaction.Dismiss => now + _tips.DismissFor,
            _ => DateTimeOffset.MaxValue,
        };

        State.Stats = reaction switch
        {
            Reaction.Done => State.Stats with { Done = State.Stats.Done + 1 },
            Reaction.Snooze => State.Stats with { Snoozed = State.Stats.Snoozed + 1 },
            _ => State.Stats with { Dismissed = State.Stats.Dismissed + 1 },
        };

        // Only a source with an account to close it in (not the demo) gets the promise.
        var closeAtSource = reaction == Reaction.Done && State.Integrations.Contains(served.Tip.Source)
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
            analytics.Served(new ServedTipRecord(tip.TipId, UserId, tip.ServedAt, tip.Policy, tip.Source, tip.SourceRef, tip.Propensity, 0, decision));
            if (served.Reward is { } reward)
            {
                var reaction = served.Reaction is { } r ? Name(r) : CompletedInSourceReaction;
                var at = served.ReactedAt ?? served.CompletedInSourceAt ?? tip.ServedAt;
                analytics.Rewarded(new RewardRecord(tip.TipId, UserId, at, reaction, DwellMs: null, reward));
            }
        }
    }

    private ServedTip? CurrentTip(DateTimeOffset now) => ServedTipLog.Current(State.Served, State.Sources, now);

    private List<(string Source, SourceTask Task)> OpenCandidates(DateTimeOffset now) => CandidatePool.Open(State.Sources, State.HiddenUntil, now);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId} served tip {TipId} by {Policy} in {DecisionMicroseconds} µs")]
    private static partial void LogServed(ILogger logger, string userId, string tipId, string policy, long decisionMicroseconds);
}
