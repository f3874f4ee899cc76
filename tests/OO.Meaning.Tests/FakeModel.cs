namespace OO.Meaning.Tests;

/// <summary>
/// A stand-in for the model: each text's vector comes from its characters, every call records the thread it ran
/// on, and <see cref="Gate"/> can hold a call until the test lets it through.
/// </summary>
internal sealed class FakeModel(int dimensions = 384) : IEmbeddingModel
{
    private readonly Lock _lock = new();
    private readonly List<int> _threads = [];

    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public int Dimensions => dimensions;

    public IReadOnlyList<int> Threads
    {
        get
        {
            lock (_lock)
            {
                return [.. _threads];
            }
        }
    }

    public float[][] Embed(string[] texts)
    {
        lock (_lock)
        {
            _threads.Add(Environment.CurrentManagedThreadId);
        }

        Gate.Wait(TimeSpan.FromSeconds(30));
        return texts.Select(text =>
        {
            var vector = new float[dimensions];
            foreach (var c in text)
            {
                vector[c % dimensions] += 1f;
            }

            return vector;
        }).ToArray();
    }
}
