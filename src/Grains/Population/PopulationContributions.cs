using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;
using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Learning.Population;

namespace OO.Grains.Population;

/// <summary>
/// This silo's rewards on their way to the population grain: user grains add (x, r) here in memory, in their own
/// turn and without waiting on anything, and <see cref="PopulationSync"/> sends the pooled sums in the background.
/// What is pooled carries no user id and no text. Withdrawals of deleted accounts travel the same way, as
/// negative parts of the next batch. Thread-safe: every user grain of the silo shares it.
/// </summary>
public sealed class PopulationContributions(IOptions<PopulationOptions> options)
{
    private readonly object _gate = new();
    private readonly int _flushAfter = options.Value.FlushAfterRewards;
    private PopulationStatistics? _pending;
    private int _pendingRewards;
    private TaskCompletionSource _flushWanted = NewSignal();

    /// <summary>Pools one reward for a feature vector of the current layout (others are ignored: a stale vector would only be noise).</summary>
    public void Add(ReadOnlySpan<double> x, double reward)
    {
        if (x.Length != FeatureRegistry.Dimension)
        {
            return;
        }

        lock (_gate)
        {
            Pending().Add(x, reward);
            if (++_pendingRewards >= _flushAfter)
            {
                _flushWanted.TrySetResult();
            }
        }
    }

    /// <summary>Pools everything <paramref name="model"/> learned (a model that learned before it started contributing).</summary>
    public void AddModel(LinearModelState model, double ridge) => MergeModel(model, ridge, sign: 1, flushNow: false);

    /// <summary>Takes everything <paramref name="model"/> contributed back out, and asks for a flush soon (a deleted account).</summary>
    public void Withdraw(LinearModelState model, double ridge) => MergeModel(model, ridge, sign: -1, flushNow: true);

    /// <summary>Completes when enough is waiting that the next batch should not wait for its interval.</summary>
    public Task FlushWanted(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _flushWanted.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Everything pooled since the last call, as one delta, or null when nothing is waiting.</summary>
    public PopulationDelta? Take()
    {
        lock (_gate)
        {
            var pending = _pending;
            _pending = null;
            _pendingRewards = 0;
            if (_flushWanted.Task.IsCompleted)
            {
                _flushWanted = NewSignal();
            }

            return pending is null
                ? null
                : new PopulationDelta(FeatureRegistry.Version, pending.Dimension, pending.XtX, pending.Xty, pending.Count, Guid.NewGuid().ToString("N"));
        }
    }

    private void MergeModel(LinearModelState model, double ridge, int sign, bool flushNow)
    {
        if (model.Dimension != FeatureRegistry.Dimension)
        {
            return;
        }

        // O(d³), outside the lock: it inverts the model's A⁻¹.
        var statistics = PopulationStatistics.FromModel(model, ridge);
        lock (_gate)
        {
            Pending().Merge(statistics, sign);
            if (flushNow)
            {
                _flushWanted.TrySetResult();
            }
        }
    }

    private PopulationStatistics Pending() => _pending ??= PopulationStatistics.Create(FeatureRegistry.Dimension);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
