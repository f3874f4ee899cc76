using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OO.Silo.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Events;
using OO.Silo.Storage;
using OO.Testing;
using OO.Tests.Analytics;

namespace OO.Tests.Events;

/// <summary>The real <see cref="EventWriter"/> and <see cref="EventLog"/> on a fresh database of one engine, outside a host.</summary>
internal sealed class EventsUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private bool _started;

    private EventsUnderTest(IReadOnlyDictionary<string, string?> settings, Database database, EventLogOptions options, TimeProvider time)
    {
        Settings = settings;
        Database = database;
        Writer = new EventWriter(
            database, Options.Create(options), Options.Create(new AnalyticsOptions()), time,
            _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), Logger);
        // The tail never replays: the replayer's grain factory and sink are not needed.
        Log = new EventLog(database, Options.Create(options), time, new EventReplayer(database, null!, null!, time));
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public Database Database { get; }

    public EventWriter Writer { get; }

    public EventLog Log { get; }

    public RecordingLogger<EventWriter> Logger { get; } = new();

    /// <summary>Writer and log over a freshly installed schema of <paramref name="engine"/>.</summary>
    public static async Task<EventsUnderTest> CreateAsync(PostgresServer postgres, string engine, TimeProvider time, Action<EventLogOptions>? configure = null)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        var database = await WriterUnderTest.InstallAsync(settings);
        return new EventsUnderTest(settings, database, NewOptions(configure), time);
    }

    /// <summary>Writer and log over a PostgreSQL nobody listens for (a database that is down).</summary>
    public static EventsUnderTest Unreachable(TimeProvider time, Action<EventLogOptions>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-events-{Guid.NewGuid():N}"),
            ["OO:Storage:Provider"] = "postgres",
            ["OO:Storage:ConnectionString"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=oo;Password=oo;Database=oo;Timeout=2",
        };
        var host = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath());
        return new EventsUnderTest(settings, new Database(host), NewOptions(configure), time);
    }

    public async Task StartAsync()
    {
        _started = true;
        await Writer.StartAsync(CancellationToken.None);
    }

    public Task<long> RowsAsync(string where) => AnalyticsRows.CountAsync(Settings, "oo_events", where);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Writer.StopAsync(CancellationToken.None);
        }

        Writer.Dispose();
        await _services.DisposeAsync();
    }

    private static EventLogOptions NewOptions(Action<EventLogOptions>? configure)
    {
        var options = new EventLogOptions { FlushDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        return options;
    }
}
