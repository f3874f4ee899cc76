using OO.LoadTest;

// dotnet run -c Release --project benchmarks/OO.LoadTest -- api [--users 200] [--seconds 10] [--concurrency 32] [--url http://127.0.0.1:8080]
// dotnet run -c Release --project benchmarks/OO.LoadTest -- memory [--users 100000] [--tasks 50] [--idle-seconds 240]
var verb = args.FirstOrDefault();
int Option(string name, int fallback) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

switch (verb)
{
    case "api":
        var url = Array.IndexOf(args, "--url") is var u and >= 0 && u + 1 < args.Length ? new Uri(args[u + 1]) : null;
        await ApiLoad.RunAsync(Option("users", 200), TimeSpan.FromSeconds(Option("seconds", 10)), Option("concurrency", 32), url);
        return 0;
    case "memory":
        await GrainMemory.RunAsync(Option("users", 100_000), Option("tasks", 50), TimeSpan.FromSeconds(Option("idle-seconds", 0)));
        return 0;
    default:
        Console.Error.WriteLine("usage: OO.LoadTest api [--users N] [--seconds S] [--concurrency C] | memory [--users N] [--tasks T]");
        return 2;
}
