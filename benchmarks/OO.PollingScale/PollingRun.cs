using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using OO.Grains.Integrations;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.PollingScale;

/// <summary>
/// Connects N users to Todoist (the stand-in, in this process) through the real grains, then lets the
/// poll reminders run and reports how late they ran (from the <c>oo.integration.poll.lateness</c>
/// histogram), the syncs by outcome, CPU and memory.
/// </summary>
public static class PollingRun
{
    public static async Task RunAsync(int users, TimeSpan interval, TimeSpan measure, int tasksPerUser, int concurrency)
    {
        var standIn = await TodoistStandIn.StartAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"oo-polling-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = dataDirectory,
            ["OO:Demo:Enabled"] = "false",
            ["OO:RateLimits:ApiPermitLimit"] = "0",
            ["OO:Todoist:ClientId"] = standIn.ClientId,
            ["OO:Todoist:ClientSecret"] = standIn.ClientSecret,
            ["OO:Todoist:AuthBaseUrl"] = standIn.AuthBaseUrl,
            ["OO:Todoist:ApiBaseUrl"] = standIn.ApiBaseUrl,
            ["OO:Todoist:PollInterval"] = interval.ToString("c", CultureInfo.InvariantCulture),
            ["OO:Reminders:MinimumPeriod"] = interval < TimeSpan.FromMinutes(1) ? interval.ToString("c", CultureInfo.InvariantCulture) : null,
        };

        var lateness = new ConcurrentQueue<(DateTime At, double Ms)>();
        var outcomes = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IntegrationMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "oo.integration.poll.lateness")
            {
                lateness.Enqueue((DateTime.UtcNow, value));
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "oo.integration.syncs")
            {
                var outcome = tags.Length > 0 ? tags[0].Value?.ToString() ?? "?" : "?";
                outcomes.AddOrUpdate(outcome, value, (_, v) => v + value);
            }
        });
        listener.Start();

        await using var host = await OOTestHost.StartAsync(settings);
        var grains = host.Grains;
        var redirect = new Uri(host.Address, "/api/integrations/todoist/callback").AbsoluteUri;
        var process = Process.GetCurrentProcess();

        Console.WriteLine($"Connecting {users} users ({tasksPerUser} tasks each), poll interval {interval}, {Environment.ProcessorCount} cores…");
        var connectClock = Stopwatch.StartNew();
        var connected = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var todoistUser = (100_000 + i).ToString(CultureInfo.InvariantCulture);
            for (var t = 0; t < tasksPerUser; t++)
            {
                standIn.AddTask(todoistUser, $"Task {t} of {todoistUser}");
            }

            var userId = $"bench-{i:D6}";
            var user = grains.GetGrain<IUserGrain>(userId);
            await user.EnsureCreated($"bench{i}@example.com", $"bench:{i}");
            var authorize = await grains.GetGrain<IIntegrationGrain>($"{userId}/todoist").BeginAuthorization(redirect);
            var state = System.Web.HttpUtility.ParseQueryString(new Uri(authorize!).Query)["state"]!;
            var code = standIn.IssueCode(todoistUser, redirect);
            var outcome = await user.CompleteConnect("todoist", code, state, redirect);
            if (outcome != AuthorizationOutcome.Granted)
            {
                throw new InvalidOperationException($"User {i} did not connect: {outcome}.");
            }

            if (Interlocked.Increment(ref connected) % 1000 == 0)
            {
                Console.WriteLine($"  {connected} connected after {connectClock.Elapsed.TotalSeconds:F0} s");
            }
        });
        connectClock.Stop();
        Console.WriteLine($"Connected {users} users in {connectClock.Elapsed.TotalSeconds:F1} s.");

        // Measure from here: the first reminder ticks land between 0.5 and 1 interval after each connect.
        var start = DateTime.UtcNow;
        var cpuStart = process.TotalProcessorTime;
        var peakWorkingSet = 0L;
        var peakManaged = 0L;
        var samples = new List<string>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < measure)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            var ticks = lateness.Count(l => l.At >= start);
            samples.Add($"  t={clock.Elapsed.TotalSeconds,5:F0} s  ticks={ticks,7}  ws={process.WorkingSet64 / 1048576,5} MiB  heap={GC.GetTotalMemory(false) / 1048576,5} MiB");
            Console.WriteLine(samples[^1]);
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var measured = lateness.Where(l => l.At >= start).Select(l => l.Ms).Order().ToArray();
        var wall = clock.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"users {users}, interval {interval}, measured {wall.TotalSeconds:F0} s, {Environment.ProcessorCount} cores");
        Console.WriteLine($"connect: {connectClock.Elapsed.TotalSeconds:F1} s ({users / connectClock.Elapsed.TotalSeconds:F0} users/s)");
        Console.WriteLine($"reminder ticks measured: {measured.Length} (expected about {users * wall.TotalSeconds / interval.TotalSeconds:F0})");
        if (measured.Length > 0)
        {
            Console.WriteLine($"lateness ms: p50 {Percentile(measured, 0.50):F0}, p90 {Percentile(measured, 0.90):F0}, p99 {Percentile(measured, 0.99):F0}, max {measured[^1]:F0}");
        }

        Console.WriteLine($"syncs by outcome (whole run): {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"))}");
        Console.WriteLine($"stand-in GET /tasks: {standIn.RequestCount("GET", "/api/v1/tasks")}");
        Console.WriteLine($"CPU: {cpu.TotalSeconds:F1} s over {wall.TotalSeconds:F0} s = {100 * cpu.TotalSeconds / wall.TotalSeconds:F0}% of one core ({100 * cpu.TotalSeconds / wall.TotalSeconds / Environment.ProcessorCount:F0}% of the machine), stand-in included");
        Console.WriteLine($"memory: peak working set {peakWorkingSet / 1048576} MiB, peak managed heap {peakManaged / 1048576} MiB (stand-in included)");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

        await standIn.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
