using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OO.Silo.Health;

/// <summary>Ready when this silo is an active member of its cluster and the database answers.</summary>
public sealed class SiloReadinessCheck(
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    Storage.Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"The silo is {status}, not active.");
        }

        return await database.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The silo is active and the database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
