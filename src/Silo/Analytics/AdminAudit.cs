using OO.Admin.Data;
using OO.Grains.Analytics;

namespace OO.Silo.Analytics;

/// <summary>The console's audit rows, written durably through the analytics sink like the grains' own.</summary>
public sealed class AdminAudit(IAnalyticsSink sink, TimeProvider time) : IAdminAudit
{
    public Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken) =>
        sink.AuditAsync(new AuditRecord(time.GetUtcNow(), actor, action, target, detail), cancellationToken);
}
