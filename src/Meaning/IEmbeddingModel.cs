namespace OO.Meaning;

/// <summary>A sentence-embedding model: texts in, one unit-length vector of <see cref="Dimensions"/> floats per text.</summary>
internal interface IEmbeddingModel
{
    /// <summary>How many values each vector has.</summary>
    int Dimensions { get; }

    /// <summary>Embeds <paramref name="texts"/> on the calling thread (the caller chooses which thread pays).</summary>
    float[][] Embed(string[] texts);
}
