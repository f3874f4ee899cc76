using OO.Learning.Meaning;

namespace OO.Meaning.Tests;

public sealed class MiniLmWorkerTests
{
    [Fact]
    public async Task A_text_is_embedded_once_however_often_and_however_written()
    {
        var model = new FakeModel();
        using var meaning = new MiniLmMeaning(model, MeaningProjection.Shipped(), new MeaningOptions());

        var first = await meaning.MeaningsAsync(["Call mom", "call  MOM", "Call mom", "Pay rent"], CancellationToken.None);
        var again = await meaning.MeaningsAsync(["Pay rent", "CALL MOM"], CancellationToken.None);

        Assert.Equal(2, meaning.EmbeddedTexts);
        Assert.Equal(first[0], first[1]);
        Assert.Equal(first[0], again[1]);
        Assert.Equal(first[3], again[0]);
        Assert.NotEqual(first[0], first[3]);
    }

    [Fact]
    public async Task The_call_returns_before_inference_and_inference_runs_only_on_the_worker()
    {
        var model = new FakeModel();
        model.Gate.Reset();
        using var meaning = new MiniLmMeaning(model, MeaningProjection.Shipped(), new MeaningOptions());
        var caller = Environment.CurrentManagedThreadId;

        var pending = meaning.MeaningsAsync(["Water the plants"], CancellationToken.None);

        // Had the model run inline, the call would be stuck in the gate and never reach this line unfinished.
        Assert.False(pending.IsCompleted);
        model.Gate.Set();
        var meanings = await pending;
        Assert.NotEqual(MeaningCode.Unknown, meanings[0]);
        Assert.NotEmpty(model.Threads);
        Assert.DoesNotContain(caller, model.Threads);
        Assert.All(model.Threads, thread => Assert.Equal(meaning.WorkerThreadId, thread));
    }

    [Fact]
    public async Task A_failing_model_fails_the_call_and_the_worker_goes_on()
    {
        var model = new FailingOnceModel();
        using var meaning = new MiniLmMeaning(model, MeaningProjection.Shipped(), new MeaningOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => meaning.MeaningsAsync(["Mow the lawn"], CancellationToken.None).AsTask());
        var meanings = await meaning.MeaningsAsync(["Mow the lawn"], CancellationToken.None);

        Assert.NotEqual(MeaningCode.Unknown, meanings[0]);
    }

    [Fact]
    public void The_cache_stays_within_its_capacity_and_keeps_what_is_in_use()
    {
        var cache = new MeaningCache(capacity: 4);
        cache.Set(1, 11);
        for (UInt128 key = 2; key < 20; key++)
        {
            cache.Set(key, 7);
            Assert.True(cache.TryGet(1, out _), $"key 1 was dropped after key {key}");
            Assert.True(cache.Count <= 4, $"the cache holds {cache.Count} meanings");
        }

        Assert.True(cache.TryGet(1, out var meaning));
        Assert.Equal(11UL, meaning);
        Assert.False(cache.TryGet(2, out _));
    }

    private sealed class FailingOnceModel : IEmbeddingModel
    {
        private int _calls;

        public int Dimensions => 384;

        public float[][] Embed(string[] texts) => Interlocked.Increment(ref _calls) == 1
            ? throw new InvalidOperationException("The first run fails.")
            : texts.Select(_ => Enumerable.Range(0, 384).Select(i => i % 7 == 0 ? 1f : 0f).ToArray()).ToArray();
    }
}
