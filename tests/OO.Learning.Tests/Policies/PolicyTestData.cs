namespace OO.Learning.Tests.Policies;

internal static class PolicyTestData
{
    public static double[][] Candidates(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, dimension).Select(j => j == 0 ? 1.0 : random.NextDouble()).ToArray())
            .ToArray();
    }
}
