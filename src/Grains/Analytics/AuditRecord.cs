namespace OO.Grains.Analytics;

/// <summary>Who did what to whom, when: one administrative write.</summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string Target, string? Detail);
