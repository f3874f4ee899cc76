namespace OO.Admin.Operations.Audit;

/// <summary>One administrative action: who (user id, and email while the person exists), when, what, to what, and its detail.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string? ActorEmail, string Action, string Target, string? Detail);
