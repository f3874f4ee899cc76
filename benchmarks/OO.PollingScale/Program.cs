using OO.PollingScale;

// dotnet run -c Release --project benchmarks/OO.PollingScale -- [--users 10000] [--interval-seconds 300] [--measure-seconds 600] [--tasks 5] [--concurrency 32]
int Option(string name, int fallback) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

await PollingRun.RunAsync(
    Option("users", 10_000),
    TimeSpan.FromSeconds(Option("interval-seconds", 300)),
    TimeSpan.FromSeconds(Option("measure-seconds", 600)),
    Option("tasks", 5),
    Option("concurrency", 32));
return 0;
