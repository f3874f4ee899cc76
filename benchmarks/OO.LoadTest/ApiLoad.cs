using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OO.Testing;

namespace OO.LoadTest;

/// <summary>
/// GET /api/tip for warm users against GET /healthz (a trivial endpoint of the same server), in the
/// same run: closed-loop maximum throughput of each, then the tip endpoint at half its maximum rate
/// (open loop) for its latency percentiles.
/// </summary>
public static class ApiLoad
{
    /// <param name="server">A running oO (with dev sign-in on and rate limits off) to load; null starts one in this process.</param>
    public static async Task RunAsync(int users, TimeSpan duration, int concurrency, Uri? server)
    {
        await using var host = server is null ? await OOTestHost.StartAsync(Fresh()) : null;
        var address = server ?? host!.Address;
        Console.WriteLine($"server {address}, {users} users, {concurrency} concurrent requests, {duration.TotalSeconds:F0} s per phase, {Environment.ProcessorCount} cores");

        var clients = new List<HttpClient>();
        for (var i = 0; i < users; i++)
        {
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 4 }) { BaseAddress = address };
            (await client.PostAsJsonAsync("/auth/dev", new { email = $"load-{i}@example.com" })).EnsureSuccessStatusCode();
            clients.Add(client);
        }

        // Warm: every user has a current tip, so further requests read grain memory only.
        foreach (var client in clients)
        {
            while ((await client.GetAsync("/api/tip")).StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(50);
            }
        }

        await ClosedLoop(clients, "/healthz", TimeSpan.FromSeconds(3), concurrency); // JIT and connection warm-up
        await ClosedLoop(clients, "/api/tip", TimeSpan.FromSeconds(3), concurrency);
        var trivial = await ClosedLoop(clients, "/healthz", duration, concurrency);
        var tip = await ClosedLoop(clients, "/api/tip", duration, concurrency);
        Report("GET /healthz, max", trivial);
        Report("GET /api/tip, max", tip);
        Console.WriteLine($"tip / trivial throughput: {tip.Rps / trivial.Rps:P0}");

        var half = await OpenLoop(clients, "/api/tip", duration, tip.Rps / 2);
        Report($"GET /api/tip at {tip.Rps / 2:F0} req/s", half);

        // The floor this machine and generator impose at that rate: the trivial endpoint, same schedule.
        var floor = await OpenLoop(clients, "/healthz", duration, tip.Rps / 2);
        Report($"GET /healthz at {tip.Rps / 2:F0} req/s", floor);
    }

    /// <summary>A fresh data directory for a silo started in this process.</summary>
    internal static Dictionary<string, string?> Fresh() =>
        new() { ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-bench-{Guid.NewGuid():N}") };

    private static async Task<Result> ClosedLoop(List<HttpClient> clients, string path, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var i = worker;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await clients[i++ % clients.Count].GetAsync(path);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(all.Count / stopwatch.Elapsed.TotalSeconds, all);
    }

    private static async Task<Result> OpenLoop(List<HttpClient> clients, string path, TimeSpan duration, double rate)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var pending = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var stopwatch = Stopwatch.StartNew();
        var sent = 0;
        while (stopwatch.Elapsed < duration)
        {
            // Requests leave on schedule whether or not earlier ones have answered.
            while (sent * interval < stopwatch.Elapsed)
            {
                var client = clients[sent++ % clients.Count];
                pending.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(path);
                    response.EnsureSuccessStatusCode();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        return new Result(latencies.Count / stopwatch.Elapsed.TotalSeconds, [.. latencies]);
    }

    private static void Report(string label, Result result)
    {
        var sorted = result.Latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine($"{label,-32} {result.Rps,9:F0} req/s   p50 {Percentile(0.50):F2} ms   p99 {Percentile(0.99):F2} ms   max {sorted[^1]:F2} ms   n={sorted.Length}");
    }

    private sealed record Result(double Rps, List<double> Latencies);
}
