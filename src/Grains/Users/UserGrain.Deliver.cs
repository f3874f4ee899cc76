using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Learning;
using OO.Grains.Push;
using OO.Push;

namespace OO.Grains.Users;

/// <summary>
/// The <c>deliver</c> decision: the serving policy chooses among every open candidate, exactly as for a tip the page
/// asks for, and <see cref="PushDecider"/> decides whether that choice is worth an interruption now, against a
/// threshold moved by the person's profile (<see cref="ProfileThreshold"/>). A push serves the policy's own choice,
/// so its log row carries the real propensity over the real candidates; a choice not worth a push serves nothing.
/// </summary>
public sealed partial class UserGrain
{
    private async Task<PushDeliveryDecision> Deliver()
    {
        if (!state.RecordExists)
        {
            await SyncDeliverReminder();
            return new PushDeliveryDecision("NoUser");
        }

        var now = time.GetUtcNow();
        var learned = LearnFromPushes();
        // The reminder is this grain's clock for the profile's TTL: a profile is never recomputed on a read.
        await RefreshProfileIfDue(now);
        var (decision, choice) = await Decide(now);
        if (choice is not var (candidates, chosen))
        {
            if (learned)
            {
                await push.WriteStateAsync();
            }

            return decision;
        }

        var tip = await Serve(candidates, chosen, viaPush: true);
        Push.Pushes.Add(new PushRecord { TipId = tip.TipId, Key = Key(tip.Source, tip.SourceRef), At = now });
        if (Push.Pushes.Count > PushState.MaxPushes)
        {
            Push.Pushes.RemoveRange(0, Push.Pushes.Count - PushState.MaxPushes);
        }

        Push.Counters.TipPushes++;
        analytics.UserDirectory(Analytics.UserDirectoryChange.PushSent(UserId, now));
        await push.WriteStateAsync();

        var devices = Push.Subscriptions.Where(s => s.NotBefore is not { } until || until <= now).Select(Data).ToList();
        var ttl = tip.ExpiresAt - tip.ServedAt;
        // One-way: the dispatcher sends outside this turn and reports back through RecordPushReport.
        await GrainFactory.GetGrain<IPushDispatcherGrain>(0).Dispatch(new PushDispatch(
            UserId, tip.TipId, PushKind.Tip, PushPayload.ForTip(tip), PushPayload.TipTopic,
            ttl < pushOptions.Value.TimeToLive ? ttl : pushOptions.Value.TimeToLive, devices));
        LogPushed(logger, UserId, tip.TipId, devices.Count);
        return decision with { TipId = tip.TipId };
    }

    /// <summary>Applies the rules; the choice is set exactly when the decision is to send.</summary>
    private async Task<(PushDeliveryDecision Decision, (List<(string Source, SourceTask Task)> Candidates, TipDecision Chosen)? Choice)> Decide(DateTimeOffset now)
    {
        if (!State.Settings.Notify || Push.Subscriptions.Count == 0)
        {
            await SyncDeliverReminder();
            return (new PushDeliveryDecision(State.Settings.Notify ? "NoSubscription" : "NotifyOff"), null);
        }

        if (Push.Subscriptions.All(s => s.NotBefore is { } until && until > now))
        {
            return (new PushDeliveryDecision("RateLimited"), null);
        }

        var zone = TimeZone();
        var candidates = OpenCandidates(now);
        var chosen = candidates.Count > 0 ? Choose(candidates) : null;
        PushCandidate? candidate = null;
        if (chosen is not null)
        {
            var (source, task) = candidates[chosen.ChosenIndex];
            candidate = new PushCandidate(Key(source, task.SourceRef), chooser.ExpectedReward(task, learning.State, zone));
        }

        var counted = Push.Pushes.Where(p => p.Counts).ToList();
        var decision = PushDecider.Decide(new PushDecisionInput
        {
            Now = now,
            TimeZone = zone,
            QuietHours = new QuietHours(State.Settings.QuietStart, State.Settings.QuietEnd),
            DailyCap = State.Settings.DailyPushCap,
            PushesToday = PushDecider.CountToday(counted.Select(p => p.At), now, zone),
            MinGap = pushOptions.Value.MinGap,
            LastPushAt = counted.Count > 0 ? counted[^1].At : null,
            LastPushedKey = counted.Count > 0 ? counted[^1].Key : null,
            Candidate = candidate,
            InterruptThreshold = ProfileThreshold.For(Threshold(), PushProfileOf(learning.State.Profile), now, zone, pushOptions.Value),
        });
        var result = new PushDeliveryDecision(decision.Reason.ToString());
        return decision.ShouldSend && chosen is not null ? (result, (candidates, chosen)) : (result, null);
    }

    /// <summary>
    /// Moves the interrupt threshold for every delivered push whose tip is settled: done (here or in
    /// its source) = acted on; dismissed; snoozed or opened = opened; expired or replaced unopened =
    /// ignored. True when anything changed.
    /// </summary>
    private bool LearnFromPushes()
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var record in Push.Pushes.Where(p => p.Feedback is null && p.Delivered == true))
        {
            var index = State.Served.FindIndex(s => s.Tip.TipId == record.TipId);
            var served = index >= 0 ? State.Served[index] : null;
            PushReaction? reaction = served switch
            {
                null => record.OpenedAt is null ? PushReaction.Ignored : PushReaction.Opened,
                { Reaction: Reaction.Done } or { CompletedInSourceAt: not null } => PushReaction.OpenedAndActed,
                { Reaction: Reaction.Dismiss } => PushReaction.Dismissed,
                { Reaction: Reaction.Snooze } => PushReaction.Opened,
                _ when served.Tip.ExpiresAt <= now || index < State.Served.Count - 1 =>
                    record.OpenedAt is null ? PushReaction.Ignored : PushReaction.Opened,
                _ => null,
            };
            if (reaction is { } settled)
            {
                Push.InterruptThreshold = PushDecider.AdaptThreshold(Threshold(), settled, pushOptions.Value);
                record.Feedback = settled.ToString();
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The threshold learned from push reactions, before the profile moves it for the moment.</summary>
    private double Threshold() => Push.InterruptThreshold ?? pushOptions.Value.DefaultInterruptThreshold;
}
