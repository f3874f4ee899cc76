using System.Diagnostics;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;
using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Testing;

namespace OO.LoadTest;

/// <summary>
/// Activates many users, each with one connected source holding <c>tasks</c> open tasks and a served
/// tip (so the bandit model is allocated), and reports the managed heap and working set they add.
/// </summary>
public static class GrainMemory
{
    /// <param name="idle">How long to wait after activating before measuring again, so that grains meant to
    /// live only while they work (the integration grains, between polls) have been collected.</param>
    public static async Task RunAsync(int users, int tasksPerUser, TimeSpan idle)
    {
        var settings = ApiLoad.Fresh();
        // Polls would publish the 8 demo tasks over the 50 each user holds; keep them out of the run.
        settings["OO:Demo:PollInterval"] = "1.00:00:00";
        await using var host = await OOTestHost.StartAsync(settings);
        var grains = host.Grains;
        var now = DateTimeOffset.UtcNow;

        await Activate(grains, 0, 200, tasksPerUser, now); // warm code paths before the baseline
        var baseline = Heap();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var stopwatch = Stopwatch.StartNew();
        const int Batch = 100;
        for (var start = 200; start < users + 200; start += Batch)
        {
            await Activate(grains, start, Math.Min(Batch, users + 200 - start), tasksPerUser, now);
            Console.Error.Write($"\ractivated {start - 200 + Batch:N0} / {users:N0} users ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }

        Console.Error.WriteLine();
        var after = Heap();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        var perUser = (after - baseline) / (double)users;
        Console.WriteLine($"{users:N0} active users with {tasksPerUser} tasks each, activated in {stopwatch.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"managed heap: +{(after - baseline) / 1048576.0:F1} MiB = {perUser:N0} bytes = {perUser / 1024:F2} KiB per user (user grain + its integration grain + directory)");
        Console.WriteLine($"working set:  +{(workingSetAfter - workingSetBefore) / 1048576.0:F1} MiB = {(workingSetAfter - workingSetBefore) / (double)users / 1024:F2} KiB per user");
        if (idle > TimeSpan.Zero)
        {
            Console.Error.WriteLine($"idling {idle.TotalSeconds:F0} s (user grains stay active: the benchmark keeps asking them for their tip)");
            var stopIdle = DateTime.UtcNow + idle;
            while (DateTime.UtcNow < stopIdle)
            {
                // A person who keeps the tip page open: the user grain stays active, its integration grain may go.
                await Task.WhenAll(Enumerable.Range(200, users).Select(i => grains.GetGrain<IUserGrain>($"memory-{i}").GetSummary()));
                await Task.Delay(TimeSpan.FromSeconds(20));
            }

            var settled = Heap();
            var settledPerUser = (settled - baseline) / (double)users;
            Console.WriteLine($"after {idle.TotalSeconds:F0} s idle: managed heap +{(settled - baseline) / 1048576.0:F1} MiB = {settledPerUser:N0} bytes = {settledPerUser / 1024:F2} KiB per active user");
            perUser = settledPerUser;
        }

        // What a larger feature layout would add, computed: the model's packed A⁻¹ and B, and each served tip's features.
        const int Wider = 35;
        var d = FeatureRegistry.Dimension;
        var extra = (8.0 * (LinearModelState.PackedLength(Wider) - LinearModelState.PackedLength(d) + Wider - d)) + (4.0 * (Wider - d));
        Console.WriteLine($"at d = {Wider} instead of {d} (computed): +{extra:N0} bytes = {(perUser + extra) / 1024:F2} KiB per user (one served tip each)");
    }

    private static async Task Activate(IGrainFactory grains, int start, int count, int tasksPerUser, DateTimeOffset now)
    {
        await Task.WhenAll(Enumerable.Range(start, count).Select(async i =>
        {
            var user = grains.GetGrain<IUserGrain>($"memory-{i}");
            await user.EnsureCreated($"memory-{i}@example.com", $"dev:memory-{i}@example.com");
            var tasks = Enumerable.Range(0, tasksPerUser)
                .Select(t => new SourceTask($"task-{t}", $"Task number {t} of user {i}, with a realistic length", 1 + (t % 4),
                    t % 3 == 0 ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(t % 7 - 2) : null, null, now.AddDays(-t)))
                .ToList();
            await user.ApplySnapshot(new TaskSnapshot("demo", 1_000_000, now, tasks));
            await user.GetTip();
        }));
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
