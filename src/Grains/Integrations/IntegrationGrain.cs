using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;
using OO.Learning.Meaning;

namespace OO.Grains.Integrations;

/// <summary>
/// One source of one user (keyed by an <see cref="IntegrationKey"/>). Polls the source on a reminder (and soon after a
/// tip is opened or a webhook arrives, on a grain timer), publishes each result (with each task's meaning) as a versioned snapshot
/// to the user's task stream, closes tasks done in oO, and owns the back-off after faults.
/// </summary>
/// <remarks>
/// Tokens are kept decrypted in memory only. After an activation they are borrowed from the user grain
/// through its <c>[AlwaysInterleave]</c> read, and a refreshed set is handed back one-way: this grain never
/// waits on a plain call to the user grain, which itself calls this grain.
/// </remarks>
// Polls come every few minutes on a reminder, which reactivates the grain: between polls it need not
// hold memory (everything it must remember is in its state), so it is collected after two idle minutes.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class IntegrationGrain(
    [PersistentState("integration", StorageNames.Default)] IPersistentState<IntegrationState> state,
    TaskSourceRegistry sources,
    IntegrationTokenProtector protector,
    ITextMeaning meaning,
    IOptions<IntegrationOptions> options,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time,
    ILogger<IntegrationGrain> logger) : Grain, IIntegrationGrain, IRemindable
{
    private const string PollReminder = "poll";
    private const int ClosedTipsKept = 100;
    private const int DeliveriesKept = 200;

    /// <summary>An unchanged source's snapshot is published again this long after the last, healing one lost with a crashed silo.</summary>
    private static readonly TimeSpan RepublishAfter = TimeSpan.FromHours(6);

    /// <summary>Tokens expiring this soon are refreshed before a call.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly IntegrationOptions _options = options.Value;
    private readonly Random _random = new();

    private IntegrationKey? _key;
    private SourceTokens? _tokens;
    private IGrainTimer? _work;
    private DateTimeOffset? _workDueAt;
    private bool _syncRequested;
    private DateTimeOffset? _lastAttemptAt;
    private IReadOnlyList<SourceTask>? _lastTasks;
    private DateTimeOffset? _lastTasksAt;

    private IntegrationState State => state.State;

    private IntegrationKey Key => _key ??= IntegrationKey.Parse(this.GetPrimaryKeyString());

    private string UserId => Key.UserId;

    private string Provider => Key.Provider;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Closes left pending by an earlier activation resume without waiting for the next reminder.
        if (State.Connected && State.PendingCloses.Count > 0)
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    Task<IntegrationStatus> IIntegrationGrain.GetStatus() => Task.FromResult(Status());

    private bool Waiting(DateTimeOffset now) => State.RateLimitedUntil > now || State.PollNotBefore > now;

    /// <summary>Arms the one work timer, unless it is already due sooner.</summary>
    private void Schedule(TimeSpan dueIn)
    {
        var dueAt = time.GetUtcNow() + dueIn;
        if (_workDueAt is { } armed && armed <= dueAt)
        {
            return;
        }

        _workDueAt = dueAt;
        if (_work is null)
        {
            _work = this.RegisterGrainTimer(DoWork, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _work.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    private TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max) => Grains.Backoff.Delay(first, attempt, max, _random.NextDouble());

    private ITaskSource Source() =>
        sources.TryGet(Provider, out var source)
            ? source
            : throw new InvalidOperationException($"No task source is registered under the name '{Provider}'.");

    private IntegrationStatus Status()
    {
        ITaskSource? source = sources.TryGet(Provider, out var found) ? found : null;
        var displayName = source?.DisplayName ?? Provider;
        var closeError = State.PendingCloses.Count(p => p.Attempts > 0) switch
        {
            0 => null,
            1 => $"A task you did in oO is not closed in {displayName} yet; oO keeps trying.",
            var n => $"{n} tasks you did in oO are not closed in {displayName} yet; oO keeps trying.",
        };
        return new IntegrationStatus(
            Provider,
            State.Connected,
            State.LastSyncAt,
            State.SyncCount,
            State.LastError ?? closeError,
            State.NeedsReconnection,
            source?.RequiresAuthorization ?? false,
            displayName);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
