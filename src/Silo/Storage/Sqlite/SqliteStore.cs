using Microsoft.Extensions.Options;
using OO.Silo.Configuration;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// The embedded file's one writer and its readers, shared by grain storage and the reminder table. Started
/// early in the silo's life (runtime storage stage) and stopped late, after grains have deactivated and the
/// reminder service has stopped, so their last writes are committed before the process goes.
/// </summary>
public sealed class SqliteStore : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SqliteCheckpointer _checkpointer;

    public SqliteStore(HostSettings settings, IOptions<SqliteStorageOptions> options, SqliteStorageMetrics metrics, ILogger<SqliteStore> logger)
    {
        Writer = new SqliteWriter(settings.ConnectionString, options.Value.MaxBatch, options.Value.DurableCommits, metrics, logger);
        Reader = new SqliteReader(settings.ConnectionString, options.Value.Readers);
        _checkpointer = new SqliteCheckpointer(settings.ConnectionString);
    }

    internal SqliteWriter Writer { get; }

    internal SqliteReader Reader { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteStore), ServiceLifecycleStage.RuntimeStorageServices, Start, Stop);

    public void Dispose()
    {
        Writer.Dispose();
        Reader.Dispose();
        _checkpointer.Dispose();
    }

    private Task Start(CancellationToken cancellationToken)
    {
        Writer.Start();
        Reader.Start();
        _checkpointer.Start();
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        Reader.Stop();
        await Writer.StopAsync();
        _checkpointer.Stop();
    }
}
