using OO.Admin.Operations.Integrations;

namespace OO.Admin.Operations.Health;

/// <summary>What the health page shows, each part read on its own (a part that cannot be read says why in <c>Problem</c>).</summary>
public sealed record HealthReport(
    DateTimeOffset At,
    ClusterHealth Cluster,
    DatabaseHealth Database,
    EventLogHealth EventLog,
    PushHealth Push,
    IntegrationHealth? Integrations,
    string? IntegrationsProblem,
    AnalyticsHealth Analytics);

/// <summary>The silos Orleans' membership knows, and the grain activations across them.</summary>
public sealed record ClusterHealth(IReadOnlyList<SiloHealth> Silos, int? Activations, string? Problem);

public sealed record SiloHealth(string Address, string Name, string Status, DateTimeOffset? StartedAt, DateTimeOffset? LastAliveAt);

public sealed record DatabaseHealth(string Engine, bool Reachable, double? LatencyMs, string? Problem);

/// <summary>The event log and its stream: whether this host has one, the newest stored event, and events in the last hour (counted to 1,000).</summary>
public sealed record EventLogHealth(bool Installed, DateTimeOffset? NewestAt, int? LastHour, string? Problem);

/// <summary>Push deliveries finished by this silo since it started, by outcome; and pushes sent and opened in the last 24 h (all silos).</summary>
public sealed record PushHealth(DateTimeOffset CountedSince, IReadOnlyDictionary<string, long> DeliveriesByOutcome, IReadOnlyDictionary<string, long> Last24Hours, string? Problem);

/// <summary>This silo's analytics queue, and the rows the database refused (oo_dead_letters) in the last 24 h and overall, with the newest.</summary>
public sealed record AnalyticsHealth(
    int? QueuedRows,
    int? Capacity,
    IReadOnlyDictionary<string, long> DroppedSinceStart,
    IReadOnlyDictionary<string, long> DeadLetteredSinceStart,
    IReadOnlyDictionary<string, long> DeadLettersLast24Hours,
    long DeadLettersStored,
    IReadOnlyList<DeadLetterView> NewestDeadLetters,
    string? Problem);

public sealed record DeadLetterView(long Id, DateTimeOffset At, string Kind, string Error);
