using OO.Learning.Evaluation;

namespace OO.Learning.Data;

/// <summary>An Open Bandit Dataset log as <see cref="LoggedEvent"/>s, with the vector's slot names and the item ids in candidate order.</summary>
public sealed record ObdDataset(LoggedDataset Log, IReadOnlyList<string> FeatureNames, IReadOnlyList<int> ItemIds);
