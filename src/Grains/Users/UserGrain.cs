using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Ai;
using OO.Grains.Analytics;
using OO.Grains.Integrations;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Learning;
using OO.Grains.Push;
using OO.Grains.Sources.Demo;
using OO.Grains.Sources;
using OO.Grains.Tips;
using OO.Learning.Meaning;
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
    IOptions<AiOptions> aiOptions,
    ITextMeaning textMeaning,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <summary>Log rows of tips served this recently are written again on activation, in case a crash lost them.</summary>
    private static readonly TimeSpan LogCatchUpWindow = TimeSpan.FromHours(1);

    /// <summary>A served tip whose task vanished from its source this soon after, without a reaction, counts as completed there.</summary>
    private static readonly TimeSpan CompletionWindow = TimeSpan.FromDays(1);

    /// <summary>How a delayed reward is named in the log and the admin view, beside done, snooze and dismiss.</summary>
    private const string CompletedInSourceReaction = "completed-in-source";

    private readonly TipOptions _tips = tipOptions.Value;
    private readonly AiOptions _aiOptions = aiOptions.Value;

    /// <summary>When each source was last nudged to sync, so a busy user sends at most one nudge a source per interval.</summary>
    private readonly Dictionary<string, DateTimeOffset> _syncRequested = new(StringComparer.Ordinal);
    private readonly Random _random = new();

    /// <summary>Completed when a snapshot is applied; what a tip request waiting for a first sync awaits.</summary>
    private TaskCompletionSource? _snapshotApplied;

    private UserState State => state.State;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            // A new id, or one whose account was deleted and fully purged: only the hashed tombstone knows.
            State.DeletedAt = await GrainFactory.GetGrain<IUserTombstoneGrain>(IUserTombstoneGrain.KeyOf(UserId)).DeletedAt();
        }

        var stream = this.GetStreamProvider(TaskStreams.Provider)
            .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, UserId));
        await stream.SubscribeAsync((snapshot, _) => ApplySnapshotCore(snapshot));
        CatchUpLog();
        if (OutboxOpen)
        {
            // Promises left open by an earlier activation resume without waiting for the reminder.
            await ArmOutbox();
        }
    }

    Task<UserSummary> IUserGrain.GetSummary() => Task.FromResult(Summary());

    private TimeZoneInfo TimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(State.Settings.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private IIntegrationGrain Integration(string provider) => GrainFactory.GetIntegrationGrain(UserId, provider);

    private UserSummary Summary() => new(UserId, State.Email ?? "", State.CreatedAt, State.Stats);

    private static string Key(string source, string sourceRef) => CandidatePool.Key(source, sourceRef);

    private static string Name(Reaction reaction) => reaction.ToString().ToLowerInvariant();
}
