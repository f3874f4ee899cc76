using OO.Learning.Evaluation;

namespace OO.Api.Admin;

/// <summary>The recent explainability log (served tips that have a reward) as events an offline evaluator reads.</summary>
public interface IExplainabilityLog
{
    /// <summary>
    /// At most <paramref name="maxEvents"/> of the most recent rewarded decisions of the newest feature layout, in time
    /// order; rows left out are counted by reason in <see cref="LoggedDataset.Skipped"/>.
    /// </summary>
    Task<LoggedDataset> ReadRecentAsync(int maxEvents, CancellationToken cancellationToken);
}
