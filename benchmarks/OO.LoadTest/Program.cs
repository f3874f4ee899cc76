using OO.LoadTest;

// dotnet run -c Release --project benchmarks/OO.LoadTest -- api [--users 200] [--seconds 10] [--concurrency 32] [--url http://127.0.0.1:8080]
// dotnet run -c Release --project benchmarks/OO.LoadTest -- cycle [--people 16] [--seconds 10] [--new-users 2000] [--signup-concurrency 64] [--url http://127.0.0.1:8090 --server-pid PID]
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
    case "cycle":
        var server = Array.IndexOf(args, "--url") is var c and >= 0 && c + 1 < args.Length ? new Uri(args[c + 1]) : null;
        await ReactionLoad.RunAsync(Option("people", 16), TimeSpan.FromSeconds(Option("seconds", 10)), Option("new-users", 2000), Option("signup-concurrency", 64), server, Option("server-pid", 0));
        return 0;
    case "memory":
        await GrainMemory.RunAsync(Option("users", 100_000), Option("tasks", 50), TimeSpan.FromSeconds(Option("idle-seconds", 0)));
        return 0;
    default:
        Console.Error.WriteLine("usage: OO.LoadTest api [--users N] [--seconds S] [--concurrency C] | cycle [--people P] [--seconds S] [--new-users N] [--signup-concurrency C] [--url U] | memory [--users N] [--tasks T]");
        return 2;
}
