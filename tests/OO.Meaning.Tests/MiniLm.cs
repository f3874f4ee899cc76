using OO.Learning.Meaning;

namespace OO.Meaning.Tests;

/// <summary>The real MiniLM model, loaded once for the test process as a host would share it.</summary>
internal static class MiniLm
{
    public static Task<IEmbeddingModel> LoadAsync() => new SharedMiniLmSource().LoadAsync();

    public static async Task<MiniLmMeaning> MeaningAsync() =>
        new(await LoadAsync(), MeaningProjection.Shipped(), new MeaningOptions());

    /// <summary>Euclidean distance between two packed meanings.</summary>
    public static double Distance(ulong a, ulong b)
    {
        Span<double> x = stackalloc double[MeaningCode.Dimensions];
        Span<double> y = stackalloc double[MeaningCode.Dimensions];
        MeaningCode.Unpack(a, x);
        MeaningCode.Unpack(b, y);
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }

        return Math.Sqrt(sum);
    }
}
