namespace OO.Meaning.Tests;

/// <summary>A model source that fails (as a missing native runtime would) or hands out a given model, and counts loads.</summary>
internal sealed class FakeModelSource(IEmbeddingModel? model) : IEmbeddingModelSource
{
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public Task<IEmbeddingModel> LoadAsync()
    {
        Interlocked.Increment(ref _loads);
        return model is null
            ? Task.FromException<IEmbeddingModel>(new DllNotFoundException("libonnxruntime.so cannot be found."))
            : Task.FromResult(model);
    }
}
