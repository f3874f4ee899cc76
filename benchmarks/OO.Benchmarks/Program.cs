using BenchmarkDotNet.Running;
using OO.Benchmarks;

// `quick` is a contention-tolerant cross-check for a shared machine; everything else goes to BenchmarkDotNet.
if (args is ["quick", ..])
{
    QuickTimer.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BanditBenchmarks).Assembly).Run(args);
