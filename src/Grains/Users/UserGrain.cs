using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Learning;
using OO.Grains.Sources.Demo;
using OO.Grains.Tips;
using Orleans.Streams;

namespace OO.Grains.Users;

/// <summary>
/// One person. Owns their task snapshots, the tips served to them and their reactions; choosing
/// a tip is an in-memory call on this grain.
/// </summary>
[ImplicitStreamSubscription(TaskStreams.Namespace)]
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> state,
    ITipPolicy policy,
    RewardModel rewards,
    TimeProvider time,
    IOptions<TipOptions> tipOptions,
    IOptions<DemoOptions> demoOptions,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly TipOptions _tips = tipOptions.Value;
    private readonly Random _random = new();

    private UserState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(TaskStreams.Provider)
            .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((snapshot, _) => ApplySnapshotCore(snapshot));
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
        State.Logins.Add(login);
        if (demoOptions.Value.Enabled)
        {
            State.Integrations.Add(DemoTaskSource.ProviderName);
        }

        await state.WriteStateAsync();
        LogCreated(logger, this.GetPrimaryKeyString());

        if (demoOptions.Value.Enabled)
        {
            await Integration(DemoTaskSource.ProviderName).Connect();
        }

        return Summary();
    }

    async Task<Tip?> IUserGrain.GetTip()
    {
        var now = time.GetUtcNow();
        if (CurrentTip(now) is { } current)
        {
            return current.Tip;
        }

        var candidates = OpenCandidates(now);
        if (candidates.Count == 0)
        {
            return null;
        }

        var started = time.GetTimestamp();
        var decision = policy.Choose(candidates.Select(c => CandidateFeatures.Of(c.Task, now)).ToList(), _random);
        var (source, task) = candidates[decision.Index];
        var tip = new Tip(
            TipId: Guid.NewGuid().ToString("N"),
            Content: task.Content,
            Kind: TipKind.Task,
            Source: source,
            SourceRef: task.SourceRef,
            ServedAt: now,
            ExpiresAt: now + _tips.Expiry,
            Policy: policy.Name,
            Propensity: decision.Propensity);

        State.Served.Add(new ServedTip { Tip = tip });
        if (State.Served.Count > _tips.ServedLogSize)
        {
            State.Served.RemoveRange(0, State.Served.Count - _tips.ServedLogSize);
        }

        State.Stats = State.Stats with { TipsServed = State.Stats.TipsServed + 1 };
        await state.WriteStateAsync();
        LogServed(logger, this.GetPrimaryKeyString(), tip.TipId, policy.Name, time.GetElapsedTime(started).TotalMicroseconds);
        return tip;
    }

    async Task<FeedbackOutcome> IUserGrain.React(string tipId, Reaction reaction, long? dwellMs)
    {
        var served = State.Served.FirstOrDefault(s => s.Tip.TipId == tipId);
        if (served is null)
        {
            return new FeedbackOutcome(FeedbackStatus.UnknownTip);
        }

        if (served.Reaction is not null)
        {
            return new FeedbackOutcome(FeedbackStatus.AlreadyReacted);
        }

        var now = time.GetUtcNow();
        var reward = rewards.For(reaction, dwellMs);
        served.Reaction = reaction;
        served.ReactedAt = now;
        served.Reward = reward;

        var key = $"{served.Tip.Source}:{served.Tip.SourceRef}";
        State.HiddenUntil[key] = reaction switch
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

        if (OpenCandidates(now).FirstOrDefault(c => c.Source == served.Tip.Source && c.Task.SourceRef == served.Tip.SourceRef) is { Task: { } task })
        {
            policy.Learn(CandidateFeatures.Of(task, served.Tip.ServedAt), reward);
        }

        await state.WriteStateAsync();
        return new FeedbackOutcome(FeedbackStatus.Recorded, reward);
    }

    Task<UserSummary> IUserGrain.GetSummary() => Task.FromResult(Summary());

    Task<UserSettings> IUserGrain.GetSettings() => Task.FromResult(State.Settings);

    async Task<UserSettings> IUserGrain.UpdateSettings(UserSettings settings)
    {
        State.Settings = settings;
        await state.WriteStateAsync();
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
        await state.WriteStateAsync();
        return true;
    }

    async Task IUserGrain.Delete()
    {
        var userId = this.GetPrimaryKeyString();
        await Task.WhenAll(State.Integrations.Select(p => Integration(p).Disconnect()));
        await Task.WhenAll(State.Logins.Select(l => GrainFactory.GetGrain<IIdentityGrain>(l).Forget()));
        await GrainFactory.GetGrain<IFirstUserGrain>(0).Release(userId);
        await state.ClearStateAsync();
        LogDeleted(logger, userId);
        this.DeactivateOnIdle();
    }

    Task IUserGrain.ApplySnapshot(TaskSnapshot snapshot) => ApplySnapshotCore(snapshot);

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

        State.Sources[snapshot.Source] = new SourceTasks
        {
            Version = snapshot.Version,
            TakenAt = snapshot.TakenAt,
            Tasks = [.. snapshot.Tasks],
        };

        // A task done here stays hidden only until its source stops reporting it.
        var reported = State.Sources.SelectMany(s => s.Value.Tasks.Select(t => $"{s.Key}:{t.SourceRef}")).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var key in State.HiddenUntil.Where(h => h.Value <= now || !reported.Contains(h.Key)).Select(h => h.Key).ToList())
        {
            State.HiddenUntil.Remove(key);
        }

        await state.WriteStateAsync();
    }

    private ServedTip? CurrentTip(DateTimeOffset now) =>
        State.Served.Count > 0 && State.Served[^1] is { Reaction: null } last && last.Tip.ExpiresAt > now
            && State.Sources.TryGetValue(last.Tip.Source, out var source)
            && source.Tasks.Any(t => t.SourceRef == last.Tip.SourceRef)
            ? last
            : null;

    private List<(string Source, SourceTask Task)> OpenCandidates(DateTimeOffset now) =>
        State.Sources
            .SelectMany(s => s.Value.Tasks.Select(t => (Source: s.Key, Task: t)))
            .Where(c => !State.HiddenUntil.TryGetValue($"{c.Source}:{c.Task.SourceRef}", out var until) || until <= now)
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Task.SourceRef, StringComparer.Ordinal)
            .ToList();

    private IIntegrationGrain Integration(string provider) =>
        GrainFactory.GetGrain<IIntegrationGrain>($"{this.GetPrimaryKeyString()}/{provider}");

    private UserSummary Summary() => new(this.GetPrimaryKeyString(), State.Email ?? "", State.CreatedAt, State.Stats);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private static partial void LogDeleted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId} served tip {TipId} by {Policy} in {DecisionMicroseconds:F0} µs")]
    private static partial void LogServed(ILogger logger, string userId, string tipId, string policy, double decisionMicroseconds);
}
