using OO.Admin.Operations;
using OO.Grains.Analytics;

namespace OO.Silo.Operations;

/// <summary>The console's audit rows, written through the analytics writer like every other administrative write.</summary>
public sealed class AnalyticsAdminAudit(IAnalyticsSink analytics, TimeProvider time) : IAdminAudit
{
    public Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken) =>
        analytics.AuditAsync(new AuditRecord(time.GetUtcNow(), actor, action, target, detail), cancellationToken);
}
