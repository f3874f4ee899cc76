using System.Diagnostics;
using System.Globalization;
using OO.ClusterKill;

// Started by benchmarks/cluster/kill-test.sh, which starts PostgreSQL and the silos first:
// OO.ClusterKill --silos http://127.0.0.1:8101,... --victim-pid PID --signal KILL|TERM --database "Host=…"
//                [--people 24] [--warm-up 10] [--seconds 40] [--stop-after 15]
// The loops run --warm-up seconds first (JIT, grain activations, connection pools), then --seconds measured,
// with the stop --stop-after seconds into the measured part.
string Option(string name, string? fallback = null) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length ? args[i + 1]
    : fallback ?? throw new ArgumentException($"--{name} is required.");
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var silos = Option("silos").Split(',').Select(s => new Uri(s)).ToList();
var victim = int.Parse(Option("victim-pid"), CultureInfo.InvariantCulture);
var signal = Option("signal", "KILL");
var database = Option("database");
var people = Number("people", 24);
var seconds = Number("seconds", 40);
var stopAfter = Number("stop-after", 15);
var warmUp = Number("warm-up", 10);

await using var router = new SiloRouter(silos);
var timeline = new Timeline();
var runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var persons = Enumerable.Range(0, people).Select(n => new Person(n, runId, router, timeline)).ToList();
foreach (var person in persons)
{
    await person.SignInAsync();
}

Console.WriteLine($"{people} people signed in over {silos.Count} silos; {warmUp} s of warm-up, then {seconds} s measured, {signal} to pid {victim} after {stopAfter} s of it");
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(warmUp + seconds));
var loops = persons.Select(p => Task.Run(() => p.LoopAsync(stop.Token))).ToList();
await Task.Delay(TimeSpan.FromSeconds(warmUp));
var start = timeline.Now;
var cyclesAtStart = timeline.Cycles;
await Task.Delay(TimeSpan.FromSeconds(stopAfter));
var cyclesBefore = timeline.Cycles;
var stoppedAt = timeline.Now;
using (var kill = Process.Start("kill", ["-s", signal, victim.ToString(CultureInfo.InvariantCulture)]))
{
    await kill.WaitForExitAsync();
}

Console.WriteLine($"sent {signal} at {stoppedAt - start:F1} s");
await Task.WhenAll(loops);
var end = timeline.Now;

var report = Report.From(timeline, start, stoppedAt, end, cyclesAtStart, cyclesBefore);
Console.WriteLine(report.Describe(router));
Console.WriteLine($"driver cpu          {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s (this process, sign-in included)");

var loss = await LossCheck.RunAsync(persons, database);
Console.WriteLine(loss.Describe());
return 0;
