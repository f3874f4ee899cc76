namespace OO.Meaning;

/// <summary>
/// The MiniLM model, loaded once per process on a thread of its own and shared by every host in it (a test
/// process starts many): the first <see cref="LoadAsync"/> starts the load, every later one awaits the same.
/// </summary>
internal sealed class SharedMiniLmSource : IEmbeddingModelSource
{
    private static readonly Lazy<Task<IEmbeddingModel>> Shared = new(
        () => Task.Factory.StartNew<IEmbeddingModel>(
            MiniLmModel.Load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <inheritdoc />
    public Task<IEmbeddingModel> LoadAsync() => Shared.Value;
}
