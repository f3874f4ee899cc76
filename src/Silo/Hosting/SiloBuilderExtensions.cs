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
}
