using System.Net;
using OO.Grains;
using OO.Grains.Interfaces.Tasks;
using OO.Silo.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace OO.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// The oO silo: localhost clustering on SQLite (the embedded default) or ADO.NET clustering on
    /// PostgreSQL; ADO.NET grain state and reminders on the same database; memory streams for task
    /// snapshots; the dashboard.
    /// </summary>
    public static ISiloBuilder AddOOSilo(this ISiloBuilder silo, HostSettings settings)
    {
        if (settings.IsEmbedded)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
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
                settings.GatewayPort,
                listenOnAnyHostAddress: settings.AdvertisedIP is not null);
        }

        silo.AddAdoNetGrainStorage(StorageNames.Default, options =>
        {
            options.Invariant = settings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(StorageNames.PubSub, options =>
        {
            options.Invariant = settings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = settings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        if (settings.MinimumReminderPeriod is { } minimum)
        {
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimum);
        }

        silo.AddMemoryStreams(TaskStreams.Provider);
        silo.AddDashboard();
        return silo;
    }
}
