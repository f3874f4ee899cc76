using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;
using OO.Grains.Learning;
using OO.Learning.Population;

namespace OO.Grains.Population;

/// <summary>
/// The population model: pooled sums of every user's rewards for the current feature layout and the prior mean θ₀
/// solved from them at each change, so reading the prior costs nothing. Holds no id and no text.
/// </summary>
public sealed partial class PopulationGrain(
    [PersistentState("population", StorageNames.Default)] IPersistentState<PopulationState> state,
    IOptions<LearningOptions> learning,
    ILogger<PopulationGrain> logger) : Grain, IPopulationGrain
{
    private PopulationState State => state.State;

    async Task IPopulationGrain.Merge(PopulationDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.FeatureVersion < State.FeatureVersion)
        {
            // A silo still on the old layout during a rolling upgrade: its sums mean something else now.
            return;
        }

        if (delta.Dimension < 1 || delta.XtX.Length != PopulationStatistics.PackedLength(delta.Dimension) || delta.Xty.Length != delta.Dimension)
        {
            throw new ArgumentException($"A population delta of dimension {delta.Dimension} has {delta.XtX.Length} and {delta.Xty.Length} values.", nameof(delta));
        }

        if (delta.BatchId is { } batch && State.RecentBatches.Contains(batch))
        {
            // Sent again after a call that failed on the way back: it was added the first time.
            return;
        }

        // Merged into a copy: a write that fails leaves the state as it was, so the silo's retry cannot count a batch twice.
        var reset = State.Statistics is null || delta.FeatureVersion > State.FeatureVersion || State.Statistics.Dimension != delta.Dimension;
        var next = reset ? PopulationStatistics.Create(delta.Dimension) : Copy(State.Statistics!);
        next.Merge(new PopulationStatistics { Dimension = delta.Dimension, XtX = delta.XtX, Xty = delta.Xty, Count = delta.Count });
        var before = (State.FeatureVersion, State.Statistics, State.Mean, Batches: State.RecentBatches);
        State.FeatureVersion = delta.FeatureVersion;
        State.Statistics = next;
        State.Mean = Solve(next);
        if (delta.BatchId is { } id)
        {
            State.RecentBatches = [.. State.RecentBatches.TakeLast(PopulationState.RememberedBatches - 1), id];
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (State.FeatureVersion, State.Statistics, State.Mean, State.RecentBatches) = before;
            throw;
        }

        if (reset && before.Statistics is { } dropped)
        {
            LogReset(logger, before.FeatureVersion, delta.FeatureVersion, dropped.Count);
        }
    }

    Task<PopulationPrior> IPopulationGrain.GetPrior() =>
        Task.FromResult(new PopulationPrior(State.FeatureVersion, State.Statistics?.Dimension ?? 0, State.Statistics?.Count ?? 0, State.Mean));

    Task<PopulationDelta> IPopulationGrain.GetStatistics() =>
        Task.FromResult(State.Statistics is { } s
            ? new PopulationDelta(State.FeatureVersion, s.Dimension, [.. s.XtX], [.. s.Xty], s.Count)
            : new PopulationDelta(State.FeatureVersion, 0, [], [], 0));

    private static PopulationStatistics Copy(PopulationStatistics statistics) =>
        new() { Dimension = statistics.Dimension, XtX = [.. statistics.XtX], Xty = [.. statistics.Xty], Count = statistics.Count };

    private double[]? Solve(PopulationStatistics statistics)
    {
        if (statistics.Count <= 0)
        {
            return null;
        }

        try
        {
            var mean = statistics.SolveMean(learning.Value.Policy.Ridge);
            return mean.All(double.IsFinite) ? mean : null;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // Only rounding after many withdrawals could make λI + Σxxᵀ lose definiteness; no prior beats a wrong one.
            LogUnsolvable(logger, error, statistics.Count);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Population statistics reset: feature version {Old} → {New}, {Count} pooled rewards dropped")]
    private static partial void LogReset(ILogger logger, int old, int @new, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The population prior could not be solved from {Count} pooled rewards; no prior is served until the next change")]
    private static partial void LogUnsolvable(ILogger logger, Exception exception, long count);
}
