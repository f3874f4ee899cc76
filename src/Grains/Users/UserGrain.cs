using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Grains.Integrations;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Learning;
using OO.Grains.Push;
using OO.Grains.Sources;
using OO.Grains.Sources.Demo;
using OO.Grains.Tips;
using OO.Learning.Features;
using OO.Push;
using Orleans.Streams;

namespace OO.Grains.Users;

/// <summary>
/// One person. Owns their task snapshots, the tips served to them, their reactions and what the
/// bandit learned from them; choosing a tip is an in-memory call on this grain.
/// </summary>
[ImplicitStreamSubscription(TaskStreams.Namespace)]
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> state,
    [PersistentState("learning", StorageNames.Default)] IPersistentState<LearningState> learning,
    [PersistentState("push", StorageNames.Default)] IPersistentState<PushState> push,
    IOptions<PushOptions> pushOptions,
    TipChooser chooser,
    RewardModel rewards,
    IAnalyticsSink analytics,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time,
    IOptions<TipOptions> tipOptions,
    IOptions<DemoOptions> demoOptions,
    TaskSourceRegistry sources,
    IOptions<IntegrationOptions> integrationOptions,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <summary>Log rows of tips served this recently are written again on activation, in case a crash lost them.</summary>
    private static readonly TimeSpan LogCatchUpWindow = TimeSpan.FromHours(1);

    /// <summary>A served tip whose task vanished from its source this soon after, without a reaction, counts as completed there.</summary>
    private static readonly TimeSpan CompletionWindow = TimeSpan.FromDays(1);

    /// <summary>How a delayed reward is named in the log and the admin view, beside done, snooze and dismiss.</summary>
    private const string CompletedInSourceReaction = "completed-in-source";

    private readonly TipOptions _tips = tipOptions.Value;

    /// <summary>When each source was last nudged to sync, so a busy user sends at most one nudge a source per interval.</summary>
    private readonly Dictionary<string, DateTimeOffset> _syncRequested = new(StringComparer.Ordinal);
    private readonly Random _random = new();

    private UserState State => state.State;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(TaskStreams.Provider)
            .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, UserId));
        await stream.SubscribeAsync((snapshot, _) => ApplySnapshotCore(snapshot));
        CatchUpLog();
    }

    async Task<UserSummary> IUserGrain.EnsureCreated(string email, string login)
    {
        if (state.RecordExists)
        {
            if (State.Logins.Add(login))
            {
                await state.WriteStateAsync();
            }

            return Summary();
        }

        State.Email = email;
        State.CreatedAt = time.GetUtcNow();
        State.SessionStamp = NewSessionStamp();
        State.Logins.Add(login);
        if (demoOptions.Value.Enabled)
        {
            State.Integrations.Add(DemoTaskSource.ProviderName);
        }

        await state.WriteStateAsync();
        LogCreated(logger, UserId);

        if (demoOptions.Value.Enabled)
        {
            await Integration(DemoTaskSource.ProviderName).Connect();
        }

        return Summary();
    }

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

    /// <summary>
    /// Chooses among <paramref name="candidates"/> with the serving policy, makes the choice the current
    /// tip, persists it and logs the decision.
    /// </summary>
    private async Task<Tip> Serve(IReadOnlyList<(string Source, SourceTask Task)> candidates, bool viaPush)
    {
        var now = time.GetUtcNow();
        var decision = chooser.Choose(candidates.Select(c => (Key(c.Source, c.Task.SourceRef), c.Task)).ToList(), learning.State, TimeZone(), _random);
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

        State.Served.Add(new ServedTip { Tip = tip, Score = decision.Score, Features = decision.Features, ViaPush = viaPush });
        if (State.Served.Count > _tips.ServedLogSize)
        {
            State.Served.RemoveRange(0, State.Served.Count - _tips.ServedLogSize);
        }

        State.Stats = State.Stats with { TipsServed = State.Stats.TipsServed + 1 };
        await state.WriteStateAsync();
        analytics.Served(new ServedTipRecord(
            tip.TipId, UserId, now, decision.Policy, source, task.SourceRef, decision.Propensity, decision.LatencyMicroseconds, decision.DecisionJson));
        LogServed(logger, UserId, tip.TipId, decision.Policy, decision.LatencyMicroseconds);
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
            return new FeedbackOutcome(FeedbackStatus.AlreadyReacted);
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

        await Reward(served, Name(reaction), dwellMs, reward, now);
        if (reaction == Reaction.Done && State.Integrations.Contains(served.Tip.Source))
        {
            // One-way: the integration grain closes the task at its source in the background, once per tip.
            await Integration(served.Tip.Source).TaskDone(tipId, served.Tip.SourceRef);
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

    Task<UserSummary> IUserGrain.GetSummary() => Task.FromResult(Summary());

    Task<UserSettings> IUserGrain.GetSettings() => Task.FromResult(State.Settings);

    Task<string?> IUserGrain.GetSessionStamp()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<string?>(null);
        }

        // Users created before stamps existed get one the first time a session is checked.
        return State.SessionStamp is { } stamp ? Task.FromResult<string?>(stamp) : IssueStamp();

        async Task<string?> IssueStamp()
        {
            State.SessionStamp = NewSessionStamp();
            await state.WriteStateAsync();
            return State.SessionStamp;
        }
    }

    async Task IUserGrain.RevokeSessions()
    {
        if (state.RecordExists)
        {
            State.SessionStamp = NewSessionStamp();
            await state.WriteStateAsync();
        }
    }

    private static string NewSessionStamp() => Guid.NewGuid().ToString("N");

    async Task<UserSettings> IUserGrain.UpdateSettings(UserSettings settings)
    {
        State.Settings = settings;
        await state.WriteStateAsync();
        await SyncDeliverReminder();
        return settings;
    }

    async Task<IReadOnlyList<IntegrationStatus>> IUserGrain.GetIntegrations() =>
        await Task.WhenAll(State.Integrations.Order(StringComparer.Ordinal).Select(p => Integration(p).GetStatus()));

    async Task<bool> IUserGrain.Disconnect(string provider)
    {
        if (!State.Integrations.Remove(provider))
        {
            return false;
        }

        await Integration(provider).Disconnect();
        State.Sources.Remove(provider);
        State.IntegrationTokens.Remove(provider);
        await state.WriteStateAsync();
        return true;
    }

    async Task IUserGrain.Delete()
    {
        // Every source, not only the connected ones: an abandoned connect leaves integration state too.
        await Task.WhenAll(State.Integrations.Union(sources.Names).Select(p => Integration(p).Disconnect()));
        await Task.WhenAll(State.Logins.Select(l => GrainFactory.GetGrain<IIdentityGrain>(l).Forget()));
        await GrainFactory.GetGrain<IFirstUserGrain>(0).Release(UserId);
        await learning.ClearStateAsync();
        await ClearPush();
        await state.ClearStateAsync();
        await analytics.EraseUserAsync(UserId, CancellationToken.None);
        LogDeleted(logger, UserId);
        this.DeactivateOnIdle();
    }

    Task IUserGrain.ApplySnapshot(TaskSnapshot snapshot) => ApplySnapshotCore(snapshot);

    async Task<AuthorizationOutcome> IUserGrain.CompleteConnect(string provider, string code, string stateValue, string redirectUri)
    {
        var grant = await Integration(provider).CompleteAuthorization(code, stateValue, redirectUri);
        if (grant is not { Outcome: AuthorizationOutcome.Granted, ProtectedTokens: { } protectedTokens })
        {
            return grant.Outcome;
        }

        State.IntegrationTokens[provider] = protectedTokens;
        State.Integrations.Add(provider);
        await state.WriteStateAsync();
        await Integration(provider).Connect();
        return AuthorizationOutcome.Granted;
    }

    Task<string?> IUserGrain.GetIntegrationTokens(string provider) => Task.FromResult(State.IntegrationTokens.GetValueOrDefault(provider));

    async Task IUserGrain.IntegrationTokensRefreshed(string provider, string protectedTokens)
    {
        if (State.Integrations.Contains(provider))
        {
            State.IntegrationTokens[provider] = protectedTokens;
            await state.WriteStateAsync();
        }
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

    Task<UserAdminView?> IUserAdmin.GetAdminView() =>
        !state.RecordExists
            ? Task.FromResult<UserAdminView?>(null)
            : AdminView();

    Task<IReadOnlyList<ProfileFeatureView>?> IUserAdmin.GetProfile()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<IReadOnlyList<ProfileFeatureView>?>(null);
        }

        var now = time.GetUtcNow();
        var profile = learning.State.Profile;
        var stored = new Dictionary<string, ProfileFeatureValue>
        {
            ["completion_rate"] = profile.CompletionRate,
            ["snooze_rate"] = profile.SnoozeRate,
            ["dismiss_rate"] = profile.DismissRate,
            ["mean_dwell_done"] = profile.MeanDwellSeconds,
            ["active_hour_sin"] = profile.ActiveHourSin,
            ["active_hour_cos"] = profile.ActiveHourCos,
        };
        IReadOnlyList<ProfileFeatureView> views = FeatureRegistry.Definitions
            .Select(d => stored.TryGetValue(d.Name, out var value)
                ? new ProfileFeatureView(
                    d.Name, d.Description, d.Scope.ToString().ToLowerInvariant(), d.Ttl, value.Value, value.ComputedAt,
                    now - value.ComputedAt, !FeatureRegistry.IsStale(value, now))
                : new ProfileFeatureView(d.Name, d.Description, d.Scope.ToString().ToLowerInvariant(), d.Ttl, null, null, null, Fresh: true))
            .ToList();
        return Task.FromResult<IReadOnlyList<ProfileFeatureView>?>(views);
    }

    async Task<bool> IUserAdmin.RebuildProfile(string actor)
    {
        if (!state.RecordExists)
        {
            return false;
        }

        var history = State.Served
            .Where(s => s.Reaction is not null)
            .Select(s => new ReactionFact(s.Tip.ServedAt, Name(s.Reaction!.Value), s.ReactedAt is { } at ? (long)(at - s.Tip.ServedAt).TotalMilliseconds : null));
        learning.State.Profile = UserProfileBuilder.Build(history, time.GetUtcNow(), TimeZone());
        await learning.WriteStateAsync();
        await Audit(actor, "profile.rebuild", $"from {learning.State.Profile.ReactionCount} reactions");
        return true;
    }

    async Task<bool> IUserAdmin.ResetBandit(string actor)
    {
        if (!state.RecordExists)
        {
            return false;
        }

        var updates = learning.State.Model?.Updates ?? 0;
        learning.State.Model = null;
        chooser.ModelFor(learning.State);
        await learning.WriteStateAsync();
        await Audit(actor, "bandit.reset", $"forgot {updates} updates");
        return true;
    }

    async Task<bool> IUserAdmin.SetPolicy(string? policy, string actor)
    {
        if (!state.RecordExists)
        {
            return false;
        }

        learning.State.PolicyOverride = policy;
        await learning.WriteStateAsync();
        await Audit(actor, "policy.set", policy ?? $"default ({chooser.DefaultPolicy})");
        return true;
    }

    private async Task ApplySnapshotCore(TaskSnapshot snapshot)
    {
        // A snapshot still in flight when its source was disconnected (or the account deleted) must not bring it back.
        if (!state.RecordExists || !State.Integrations.Contains(snapshot.Source))
        {
            return;
        }

        if (State.Sources.TryGetValue(snapshot.Source, out var known) && known.Version >= snapshot.Version)
        {
            return;
        }

        var now = time.GetUtcNow();
        var reportedNow = snapshot.Tasks.Select(t => t.SourceRef).ToHashSet(StringComparer.Ordinal);
        if (known is not null)
        {
            // Shown, not reacted to, and gone from its source since: the person did it there.
            foreach (var shown in State.Served.Where(s =>
                s.Tip.Source == snapshot.Source && !s.HasOutcome && now - s.Tip.ServedAt <= CompletionWindow
                && known.Tasks.Any(t => t.SourceRef == s.Tip.SourceRef) && !reportedNow.Contains(s.Tip.SourceRef)).ToList())
            {
                await CompleteInSource(shown, now);
            }
        }

        State.Sources[snapshot.Source] = new SourceTasks
        {
            Version = snapshot.Version,
            TakenAt = snapshot.TakenAt,
            Tasks = [.. snapshot.Tasks],
        };

        // A task done here stays hidden only until its source stops reporting it.
        var reported = State.Sources.SelectMany(s => s.Value.Tasks.Select(t => Key(s.Key, t.SourceRef))).ToHashSet();
        foreach (var key in State.HiddenUntil.Where(h => h.Value <= now || !reported.Contains(h.Key)).Select(h => h.Key).ToList())
        {
            State.HiddenUntil.Remove(key);
        }

        await state.WriteStateAsync();
    }

    private async Task CompleteInSource(ServedTip shown, DateTimeOffset now)
    {
        shown.CompletedInSourceAt = now;
        shown.Reward = rewards.CompletedInSource;
        await Reward(shown, CompletedInSourceReaction, dwellMs: null, rewards.CompletedInSource, now);
    }

    /// <summary>Learns from a reward, persists both states, and logs it.</summary>
    private async Task Reward(ServedTip served, string reaction, long? dwellMs, double reward, DateTimeOffset now)
    {
        chooser.Learn(learning.State, served.Features, reward);
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

    private async Task<UserAdminView?> AdminView()
    {
        IReadOnlyList<IntegrationStatus> integrations = await ((IUserGrain)this).GetIntegrations();
        var recent = State.Served.AsEnumerable().Reverse()
            .Select(s => new ServedTipView(
                s.Tip.TipId, s.Tip.Content, s.Tip.Source, s.Tip.ServedAt, s.Tip.Policy, s.Tip.Propensity, s.Score,
                s.Reaction is { } r ? Name(r) : s.CompletedInSourceAt is not null ? CompletedInSourceReaction : null, s.Reward))
            .ToList();
        return new UserAdminView(
            Summary(),
            [.. State.Logins.Order(StringComparer.Ordinal)],
            integrations,
            learning.State.PolicyOverride ?? chooser.DefaultPolicy,
            chooser.ShadowPolicies,
            learning.State.Model?.Updates ?? 0,
            recent,
            await PushView());
    }

    private Task Audit(string actor, string action, string detail) =>
        analytics.AuditAsync(new AuditRecord(time.GetUtcNow(), actor, action, UserId, detail), CancellationToken.None);

    private ServedTip? CurrentTip(DateTimeOffset now) =>
        State.Served.Count > 0 && State.Served[^1] is { HasOutcome: false } last && last.Tip.ExpiresAt > now
            && State.Sources.TryGetValue(last.Tip.Source, out var source)
            && source.Tasks.Any(t => t.SourceRef == last.Tip.SourceRef)
            ? last
            : null;

    private List<(string Source, SourceTask Task)> OpenCandidates(DateTimeOffset now) =>
        State.Sources
            .SelectMany(s => s.Value.Tasks.Select(t => (Source: s.Key, Task: t)))
            .Where(c => !State.HiddenUntil.TryGetValue(Key(c.Source, c.Task.SourceRef), out var until) || until <= now)
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Task.SourceRef, StringComparer.Ordinal)
            .ToList();

    private TimeZoneInfo TimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(State.Settings.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private IIntegrationGrain Integration(string provider) => GrainFactory.GetGrain<IIntegrationGrain>($"{UserId}/{provider}");

    private UserSummary Summary() => new(UserId, State.Email ?? "", State.CreatedAt, State.Stats);

    private static string Key(string source, string sourceRef) => $"{source}:{sourceRef}";

    private static string Name(Reaction reaction) => reaction.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private static partial void LogDeleted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId} served tip {TipId} by {Policy} in {DecisionMicroseconds} µs")]
    private static partial void LogServed(ILogger logger, string userId, string tipId, string policy, long decisionMicroseconds);
}
