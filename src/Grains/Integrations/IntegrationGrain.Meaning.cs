using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Integrations;

/// <summary>
/// Meanings: each task's title read by the meaning engine on this host before the snapshot is published.
/// A title seen before keeps its meaning; only new titles go to the engine, within a time budget. An engine
/// that fails or is slow leaves those tasks at meaning 0 and the sync goes on; the next sync tries them again.
/// </summary>
public sealed partial class IntegrationGrain
{
    private async Task<IReadOnlyList<SourceTask>> WithMeanings(IReadOnlyList<SourceTask> tasks, DateTimeOffset deadline)
    {
        if (State.MeaningEngine != meaning.Engine)
        {
            // Switched engines (configuration, or an auto host that could not load the model): read every title again.
            State.Meanings = [];
            State.MeaningEngine = meaning.Engine;
        }

        var missing = SnapshotMeanings.Missing(tasks, State.Meanings);
        var fresh = missing.Count == 0 ? [] : await Embed(missing, deadline);
        var (withMeanings, remembered) = SnapshotMeanings.Apply(tasks, State.Meanings, fresh);
        State.Meanings = remembered;
        return withMeanings;
    }

    /// <summary>The engine's meanings of <paramref name="texts"/>, by key; empty when it failed or ran out of time.</summary>
    private async Task<Dictionary<string, ulong>> Embed(List<string> texts, DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        var budget = left < _options.MeaningTimeout ? left : _options.MeaningTimeout;
        if (budget <= TimeSpan.Zero)
        {
            IntegrationMetrics.Meanings.Add(texts.Count, new KeyValuePair<string, object?>("outcome", "no-time"));
            return [];
        }

        using var timeout = new CancellationTokenSource(budget, time);
        try
        {
            // WaitAsync as well as the token: an engine that ignores cancellation still cannot hold this turn.
            var meanings = await meaning.MeaningsAsync(texts, timeout.Token).AsTask().WaitAsync(budget, time, CancellationToken.None);
            if (meanings.Length != texts.Count)
            {
                throw new InvalidOperationException($"The meaning engine returned {meanings.Length} meanings for {texts.Count} texts.");
            }

            IntegrationMetrics.Meanings.Add(texts.Count, new KeyValuePair<string, object?>("outcome", "embedded"));
            var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Count; i++)
            {
                result[SnapshotMeanings.Key(texts[i])] = meanings[i];
            }

            return result;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Never the texts: they are the person's.
            var outcome = error is TimeoutException or OperationCanceledException ? "timeout" : "failed";
            IntegrationMetrics.Meanings.Add(texts.Count, new KeyValuePair<string, object?>("outcome", outcome));
            LogMeaningFailed(logger, error.GetType().Name, this.GetPrimaryKeyString(), meaning.Engine, texts.Count);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The meaning engine {Engine} could not read {Count} task titles of {Integration} ({Error}); they are published with meaning 0 and tried again on the next sync")]
    private static partial void LogMeaningFailed(ILogger logger, string error, string integration, string engine, int count);
}
