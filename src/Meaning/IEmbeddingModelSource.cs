namespace OO.Meaning;

/// <summary>Where the embedding model comes from; the default is the MiniLM model shipped inside its package.</summary>
internal interface IEmbeddingModelSource
{
    /// <summary>The loaded model, or a fault that says why it cannot load.</summary>
    Task<IEmbeddingModel> LoadAsync();
}
