using System.Threading.Channels;
using OO.Learning.Meaning;

namespace OO.Meaning;

/// <summary>
/// Task meaning from the MiniLM sentence-embedding model, on this host. A call looks each text up in the cache
/// (by content hash) and hands only the misses, deduplicated, to one worker thread of its own that runs the model
/// and reduces each embedding with the fixed <see cref="MeaningProjection"/>; the call awaits that, so inference
/// never runs on the caller's thread (an Orleans scheduler thread stays free). The queue is bounded: when the
/// worker falls behind, callers wait to enqueue instead of piling up memory.
/// </summary>
internal sealed class MiniLmMeaning : ITextMeaning, IDisposable
{
    /// <summary>The engine's name.</summary>
    public const string EngineName = "minilm";

    /// <summary>Texts per model run at most: a batch pads to its longest text, so larger batches of titles gain little.</summary>
    private const int MaxBatch = 32;

    private readonly IEmbeddingModel _model;
    private readonly MeaningProjection _projection;
    private readonly MeaningCache _cache;
    private readonly Channel<Request> _queue;
    private readonly Thread _worker;
    private long _embedded;
    private int _workerThreadId;

    public MiniLmMeaning(IEmbeddingModel model, MeaningProjection projection, MeaningOptions options)
    {
        if (model.Dimensions != projection.InputDimensions)
        {
            throw new ArgumentException($"The model gives {model.Dimensions} values; the projection takes {projection.InputDimensions}.");
        }

        _model = model;
        _projection = projection;
        _cache = new MeaningCache(options.CacheCapacity);
        _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _worker = new Thread(Work) { IsBackground = true, Name = "oo-meaning" };
        _worker.Start();
    }

    /// <inheritdoc />
    public string Engine => EngineName;

    /// <summary>How many texts the model has embedded (cache misses), for tests and measurements.</summary>
    internal long EmbeddedTexts => Interlocked.Read(ref _embedded);

    /// <summary>The managed id of the worker thread, the only thread that runs the model.</summary>
    internal int WorkerThreadId => Volatile.Read(ref _workerThreadId);

    /// <summary>How many meanings the cache holds.</summary>
    internal int CachedMeanings => _cache.Count;

    /// <inheritdoc />
    public async ValueTask<ulong[]> MeaningsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var meanings = new ulong[texts.Count];
        Dictionary<UInt128, (string Text, List<int> Positions)>? misses = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = MeaningText.Normalise(texts[i]);
            if (text.Length == 0)
            {
                continue;
            }

            var key = MeaningText.Key(text);
            if (_cache.TryGet(key, out meanings[i]))
            {
                continue;
            }

            misses ??= [];
            if (misses.TryGetValue(key, out var miss))
            {
                miss.Positions.Add(i);
            }
            else
            {
                misses[key] = (text, [i]);
            }
        }

        if (misses is null)
        {
            return meanings;
        }

        var request = new Request([.. misses.Keys], [.. misses.Values.Select(m => m.Text)]);
        await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        var computed = await request.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var index = 0;
        foreach (var (_, positions) in misses.Values)
        {
            foreach (var position in positions)
            {
                meanings[position] = computed[index];
            }

            index++;
        }

        return meanings;
    }

    /// <summary>Stops taking work and lets the worker finish what it holds.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.Join(TimeSpan.FromSeconds(10));
    }

    private void Work()
    {
        Volatile.Write(ref _workerThreadId, Environment.CurrentManagedThreadId);
        var batch = new List<Request>();
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var texts = 0;
            while (texts < MaxBatch && reader.TryRead(out var request))
            {
                batch.Add(request);
                texts += request.Texts.Length;
            }

            Run(batch);
            batch.Clear();
        }
    }

    private void Run(List<Request> batch)
    {
        try
        {
            var texts = batch.SelectMany(request => request.Texts).ToArray();
            var embeddings = texts.Chunk(MaxBatch).SelectMany(chunk =>
            {
                var vectors = _model.Embed(chunk);
                Interlocked.Add(ref _embedded, chunk.Length);
                return vectors;
            }).ToArray();
            var offset = 0;
            foreach (var request in batch)
            {
                var meanings = new ulong[request.Texts.Length];
                for (var i = 0; i < meanings.Length; i++)
                {
                    meanings[i] = _projection.Project(embeddings[offset + i]);
                    _cache.Set(request.Keys[i], meanings[i]);
                }

                offset += meanings.Length;
                request.Done.TrySetResult(meanings);
            }
        }
        catch (Exception error)
        {
            foreach (var request in batch)
            {
                request.Done.TrySetException(error);
            }
        }
    }

    /// <summary>The texts of one call that missed the cache, and where their meanings go.</summary>
    private sealed record Request(UInt128[] Keys, string[] Texts)
    {
        public TaskCompletionSource<ulong[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
