using System.Diagnostics;

namespace OO.Benchmarks;

/// <summary>
/// Best-of-many-batches timing of the same operations as <see cref="BanditBenchmarks"/>. On a 2-core machine
/// shared with other builds, BenchmarkDotNet's mean absorbs whatever else ran; the fastest batch is the cost
/// of the code itself.
/// </summary>
internal static class QuickTimer
{
    private const int BatchSize = 200;
    private const int Batches = 1_000;

    public static void Run(TextWriter output)
    {
        output.WriteLine($"{"operation",-22}{"d",4}{"best batch µs/op",18}{"median µs/op",15}");
        foreach (var dimension in new[] { 17, 30 })
        {
            var bench = new BanditBenchmarks { Dimension = dimension };
            bench.Setup();
            output.WriteLine($"d = {dimension}: one user's model holds {bench.ModelBytes} bytes ({bench.ModelBytes / 1024.0:F2} KiB) of doubles");
            Report(output, "RandomChoose", dimension, () => bench.RandomChoose());
            Report(output, "LinUcbChoose", dimension, () => bench.LinUcbChoose());
            Report(output, "ThompsonChoose", dimension, () => bench.ThompsonChoose());
            Report(output, "EpsilonGreedyChoose", dimension, () => bench.EpsilonGreedyChoose());
            Report(output, "Update", dimension, () => bench.Update());
            if (dimension == 30)
            {
                Report(output, "BuildFeatures (50)", dimension, () => bench.BuildFeatures());
            }
        }
    }

    private static void Report(TextWriter output, string name, int dimension, Func<long> operation)
    {
        var sink = 0L;
        for (var i = 0; i < BatchSize; i++)
        {
            sink += operation();
        }

        var perOp = new double[Batches];
        for (var b = 0; b < Batches; b++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < BatchSize; i++)
            {
                sink += operation();
            }

            perOp[b] = watch.Elapsed.TotalMicroseconds / BatchSize;
        }

        Array.Sort(perOp);
        output.WriteLine($"{name,-22}{dimension,4}{perOp[0],18:F3}{perOp[Batches / 2],15:F3}{(sink == 42 ? " " : string.Empty)}");
    }
}
