using System.Net;
using OO.Grains;
using OO.Grains.Interfaces.Tasks;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Silo.Storage.Sqlite;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Streams;

namespace OO.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Orleans opens no gateway listener for port 0.</summary>
    private const int NoGateway = 0;

    /// <summary>
    /// The oO silo: localhost clustering on SQLite (the embedded default) or ADO.NET clustering on
    /// PostgreSQL; grain state and reminders (oO's grouped writer on SQLite, ADO.NET on PostgreSQL) on
    /// the same database; memory streams for task snapshots; the dashboard. No client gateway: the API and
    /// the dashboard run inside each silo and nothing connects as an external Orleans client, so a gateway port
    /// would only be one more port to guard.
    /// </summary>
    public static ISiloBuilder AddOOSilo(this ISiloBuilder silo, HostSettings settings)
    {
        if (settings.IsEmbedded)
        {
            silo.UseLocalhostClustering(settings.SiloPort, gatewayPort: NoGateway, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        }
        else
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(
                settings.AdvertisedIP ?? IPAddress.Loopback,
                settings.SiloPort,
                gatewayPort: NoGateway,
                listenOnAnyHostAddress: settings.AdvertisedIP is not null);
            silo.Configure<ClusterMembershipOptions>(ConfigureMembership);
        }

        if (settings.IsEmbedded && silo.UsesGroupCommit())
        {
            // Grain state and reminders: writes from many grains grouped into one transaction by a dedicated
            // writer thread, reads on reader threads; clearing deletes the row.
            silo.AddOOSqliteStorage(StorageNames.Default, settings);
        }
        else
        {
            // On PostgreSQL, the providers' statements are prepared on each pooled connection after their second use.
            var connectionString = settings.IsEmbedded ? settings.ConnectionString : PostgresConnections.Tune(settings.ConnectionString);
            silo.AddAdoNetGrainStorage(StorageNames.Default, options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = connectionString;
                // Clearing is how a grain forgets a person: the row goes, not just its payload.
                options.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = connectionString;
            });
        }

        silo.UseSystemTextJsonGrainStorageSerializer();
        if (settings.MinimumReminderPeriod is { } minimum)
        {
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimum);
        }

        // Only implicit subscribers (the user grain): no pub-sub state that would outlive a deleted user.
        silo.AddMemoryStreams(TaskStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        silo.AddDashboard();
        return silo;
    }

    /// <summary>
    /// Notices a dead silo within the ≤ 10 s the API's retries wait for (benchmarks/cluster measures it):
    /// probes start at 2 s (Orleans adapts each silo's probe timeout between 1 s and 8 s from the answers
    /// it sees, and stretches it while this silo itself is degraded), three missed probes make a suspicion,
    /// and the default two votes a death. Votes older than 30 s no longer count, so suspicions from
    /// separate busy moments never add up to a false death; a silo still exchanging messages with its
    /// prober is not voted against at all (Orleans' connection liveness check, on by default).
    /// </summary>
    private static void ConfigureMembership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        // Gossip spreads a death at once; the table is read again this often in case a gossip was lost.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
