using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OO.Testing;

namespace OO.LoadTest;

/// <summary>
/// The write path (issue 13): people each looping "get tip → react" (two grain-state writes per cycle)
/// against the same number of loops of two <c>/healthz</c> calls, closed loop, in one run; then cycles at
/// half their maximum rate (open loop) for the latency of a cycle; then new users signing up, closed loop.
/// </summary>
public static class ReactionLoad
{
    /// <param name="server">A running oO (dev sign-in on, rate limits off, <c>OO__Tips__SnoozeFor=00:00:00</c> so a
    /// snoozed task comes straight back); null starts one in this process with those settings.</param>
    /// <param name="serverPid">The server's process id, to report its CPU time per cycle and per pair; 0 when it runs in this process.</param>
    public static async Task RunAsync(int people, TimeSpan duration, int signUps, int signUpConcurrency, Uri? server, int serverPid)
    {
        var settings = ApiLoad.Fresh();
        settings["OO:Tips:SnoozeFor"] = "00:00:00";
        await using var host = server is null ? await OOTestHost.StartAsync(settings) : null;
        var address = server ?? host!.Address;
        var run = Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"server {address}, {people} people, {duration.TotalSeconds:F0} s per phase, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var clients = new List<HttpClient>();
        for (var i = 0; i < people; i++)
        {
            clients.Add(await SignInAsync(address, $"cycle-{run}-{i}@example.com"));
        }

        await ClosedLoop(clients, Healthz, TimeSpan.FromSeconds(3)); // JIT and connection warm-up
        await ClosedLoop(clients, Cycle, TimeSpan.FromSeconds(3));
        var pid = server is null ? Environment.ProcessId : serverPid;
        var cpu = CpuSeconds(pid);
        var trivial = await ClosedLoop(clients, Healthz, duration);
        var cpuPerPair = (CpuSeconds(pid) - cpu) / trivial.Latencies.Count;
        cpu = CpuSeconds(pid);
        var cycles = await ClosedLoop(clients, Cycle, duration);
        var cpuPerCycle = (CpuSeconds(pid) - cpu) / cycles.Latencies.Count;
        Report("2 × GET /healthz, max", trivial, "pairs");
        Report("get tip → react, max", cycles, "cycles");
        if (pid > 0)
        {
            Console.WriteLine($"server CPU: {cpuPerPair * 1000:F3} ms per healthz pair, {cpuPerCycle * 1000:F3} ms per cycle ({cpuPerCycle / cpuPerPair:F1}×)");
        }

        Console.WriteLine($"cycles / healthz pairs: {cycles.Rate / trivial.Rate:F2}   load average {LoadAverage()}");

        var half = await OpenLoop(clients, Cycle, duration, cycles.Rate / 2);
        Report($"get tip → react at {cycles.Rate / 2:F0}/s", half, "cycles");
        var floor = await OpenLoop(clients, Healthz, duration, cycles.Rate / 2);
        Report($"2 × GET /healthz at {cycles.Rate / 2:F0}/s", floor, "pairs");
        Console.WriteLine($"load average {LoadAverage()}");

        if (signUps > 0)
        {
            var created = 0;
            var stopwatch = Stopwatch.StartNew();
            var latencies = new ConcurrentBag<double>();
            await Task.WhenAll(Enumerable.Range(0, signUpConcurrency).Select(async worker =>
            {
                int mine;
                while ((mine = Interlocked.Increment(ref created)) <= signUps)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var client = await SignInAsync(address, $"new-{run}-{mine}@example.com");
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            Report($"new users, {signUpConcurrency} at a time", new Result(signUps / stopwatch.Elapsed.TotalSeconds, [.. latencies]), "users");
            Console.WriteLine($"load average {LoadAverage()}");
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 2 }) { BaseAddress = address };
        (await client.PostAsJsonAsync("/auth/dev", new { email })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task Healthz(HttpClient client)
    {
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
    }

    /// <summary>One person's cycle: the current tip (served and stored if there is none), then a snooze (stored).</summary>
    private static async Task Cycle(HttpClient client)
    {
        using var tip = await client.GetAsync("/api/tip");
        tip.EnsureSuccessStatusCode();
        if (tip.StatusCode != HttpStatusCode.OK)
        {
            return; // the demo source has not delivered yet
        }

        var id = (await tip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tipId").GetString();
        using var reaction = await client.PostAsJsonAsync($"/api/tips/{id}/feedback", new { reaction = "snooze", dwellMs = 3000 });
        reaction.EnsureSuccessStatusCode();
    }

    private static async Task<Result> ClosedLoop(List<HttpClient> clients, Func<HttpClient, Task> work, TimeSpan duration)
    {
        var latencies = new List<double>[clients.Count];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var mine = latencies[i] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await work(client);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(all.Count / stopwatch.Elapsed.TotalSeconds, all);
    }

    /// <summary>Work leaves on schedule whether or not earlier work answered; a person is never asked twice at once.</summary>
    private static async Task<Result> OpenLoop(List<HttpClient> clients, Func<HttpClient, Task> work, TimeSpan duration, double rate)
    {
        var latencies = new ConcurrentBag<double>();
        var idle = new ConcurrentQueue<HttpClient>(clients);
        var pending = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var stopwatch = Stopwatch.StartNew();
        var sent = 0;
        var skipped = 0;
        while (stopwatch.Elapsed < duration)
        {
            while (sent * interval < stopwatch.Elapsed)
            {
                sent++;
                if (!idle.TryDequeue(out var client))
                {
                    skipped++; // every person busy: counted, and shows in the achieved rate
                    continue;
                }

                var scheduled = stopwatch.Elapsed;
                pending.Add(Task.Run(async () =>
                {
                    await work(client);
                    // From when it was due, so a late start counts against the latency.
                    latencies.Add((stopwatch.Elapsed - scheduled).TotalMilliseconds);
                    idle.Enqueue(client);
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        if (skipped > 0)
        {
            Console.WriteLine($"  ({skipped} of {sent} scheduled not sent: all {clients.Count} people were busy)");
        }

        return new Result(latencies.Count / stopwatch.Elapsed.TotalSeconds, [.. latencies]);
    }

    private static void Report(string label, Result result, string unit)
    {
        var sorted = result.Latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine($"{label,-34} {result.Rate,8:F0} {unit}/s   p50 {Percentile(0.50),7:F2} ms   p99 {Percentile(0.99),7:F2} ms   max {sorted[^1],7:F2} ms   n={sorted.Length}");
    }

    /// <summary>User and system CPU time of process <paramref name="pid"/> (Linux), or 0 where it cannot be read.</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (pid <= 0 || !File.Exists(stat))
        {
            return 0;
        }

        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        var fields = File.ReadAllText(stat)[(File.ReadAllText(stat).LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11]) + double.Parse(fields[12])) / 100.0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Result(double Rate, List<double> Latencies);
}
