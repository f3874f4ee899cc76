using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OO.Grains.Analytics;
using OO.Silo.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Testing;

namespace OO.Tests.Analytics;

/// <summary>
/// The real <see cref="AnalyticsWriter"/> on a fresh database of one engine, on a fake clock (retries and
/// deadlines move only when the test advances it), with its metrics counted.
/// </summary>
internal sealed class WriterUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];
    private bool _started;

    private WriterUnderTest(IReadOnlyDictionary<string, string?> settings, Database database, AnalyticsOptions options)
    {
        Settings = settings;
        Database = database;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_counts)
            {
                _counts[instrument.Name] = _counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
        Writer = new AnalyticsWriter(database, Options.Create(options), Time, new AnalyticsMetrics(meters), NullLogger<AnalyticsWriter>.Instance);
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public Database Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public AnalyticsWriter Writer { get; }

    public IAnalyticsSink Sink => Writer;

    /// <summary>A writer over a freshly installed schema (<paramref name="before"/> runs on the empty database first).</summary>
    public static async Task<WriterUnderTest> CreateAsync(
        PostgresServer postgres,
        string engine,
        Action<AnalyticsOptions>? configure = null,
        Action<Dictionary<string, string?>>? settings = null,
        Func<IReadOnlyDictionary<string, string?>, Task>? before = null)
    {
        var values = await new StorageEngine(postgres).FreshAsync(engine);
        settings?.Invoke(values);
        Directory.CreateDirectory(values["OO:DataDirectory"]!);
        if (before is not null)
        {
            await before(values);
        }

        var database = await InstallAsync(values);
        var options = new AnalyticsOptions { FlushDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        return new WriterUnderTest(values, database, options);
    }

    /// <summary>The database the settings name, with every schema script applied.</summary>
    public static async Task<Database> InstallAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath());
        Directory.CreateDirectory(host.DataDirectory);
        var database = new Database(host);
        await new SchemaInstaller(database, NullLogger<SchemaInstaller>.Instance).StartAsync(CancellationToken.None);
        return database;
    }

    public async Task StartAsync()
    {
        _started = true;
        await Writer.StartAsync(CancellationToken.None);
    }

    public long Count(string instrument)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(instrument);
        }
    }

    public Task<long> RowsAsync(string table, string where) => AnalyticsRows.CountAsync(Settings, table, where);

    /// <summary>Waits until the condition holds, moving the fake clock on so that retries happen.</summary>
    public Task Eventually(Func<Task<bool>> condition, string what) =>
        OO.Testing.Eventually.True(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                Time.Advance(TimeSpan.FromSeconds(30));
                return false;
            },
            TimeSpan.FromSeconds(30),
            what);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Writer.StopAsync(CancellationToken.None);
        }

        Writer.Dispose();
        _listener.Dispose();
        await _services.DisposeAsync();
    }

    public static ServedTipRecord Served(string userId, DateTimeOffset at, string? policy = "linucb") =>
        new($"tip-{Guid.NewGuid():N}", userId, at, policy!, "demo", "demo-1", 0.5, 120, """{"policy":"linucb"}""");

    public static RewardRecord Reward(ServedTipRecord served, string reaction, double reward, DateTimeOffset at) =>
        new(served.TipId, served.UserId, at, reaction, reaction == "completed-in-source" ? null : 4_000, reward);

    public static string NewUserId() => $"u{Guid.NewGuid():N}";
}
