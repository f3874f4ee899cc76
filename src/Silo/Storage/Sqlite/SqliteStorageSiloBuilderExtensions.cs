using Microsoft.Extensions.Options;
using OO.Silo.Configuration;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OO.Silo.Storage.Sqlite;

public static class SqliteStorageSiloBuilderExtensions
{
    /// <summary>Whether the embedded default uses oO's grouped writer (<see cref="SqliteStorageOptions.GroupCommit"/>).</summary>
    public static bool UsesGroupCommit(this ISiloBuilder silo) =>
        silo.Configuration.GetSection(SqliteStorageOptions.Section).Get<SqliteStorageOptions>()?.GroupCommit ?? true;

    /// <summary>
    /// Grain state named <paramref name="storageName"/> and the reminder table on the SQLite file of
    /// <paramref name="settings"/>, every write grouped by one writer thread (<see cref="SqliteStore"/>).
    /// </summary>
    public static ISiloBuilder AddOOSqliteStorage(this ISiloBuilder silo, string storageName, HostSettings settings)
    {
        silo.Services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.Section)
            .Validate(o => o.MaxBatch is > 0 and <= 10_000, "OO__Storage__Sqlite__MaxBatch must be from 1 to 10000.")
            .Validate(o => o.Readers is > 0 and <= 64, "OO__Storage__Sqlite__Readers must be from 1 to 64.")
            .ValidateOnStart();
        silo.Services.AddMetrics();
        silo.Services.AddSingleton<SqliteStorageMetrics>();
        silo.Services.AddSingleton(sp => new SqliteStore(
            settings, sp.GetRequiredService<IOptions<SqliteStorageOptions>>(), sp.GetRequiredService<SqliteStorageMetrics>(), sp.GetRequiredService<ILogger<SqliteStore>>()));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteStore>());
        silo.Services.AddGrainStorage(storageName, (sp, name) => new SqliteGrainStorage(
            ServiceId(sp),
            sp.GetRequiredService<SqliteStore>(),
            sp.GetKeyedService<IGrainStorageSerializer>(name) ?? sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<IActivatorProvider>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(ServiceId(sp), sp.GetRequiredService<SqliteStore>()));
        return silo;
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
