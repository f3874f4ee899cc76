namespace OO.Learning.Evaluation;

/// <summary>A log ready for offline evaluation.</summary>
/// <param name="Events">Usable events, in time order.</param>
/// <param name="Dimension">Length of every feature vector.</param>
/// <param name="Skipped">Rows left out, by reason (e.g. "unrewarded"), so a report can say so.</param>
public sealed record LoggedDataset(IReadOnlyList<LoggedEvent> Events, int Dimension, IReadOnlyDictionary<string, int> Skipped);
