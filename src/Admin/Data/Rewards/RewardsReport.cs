using OO.Admin.Data.Overview;

namespace OO.Admin.Data.Rewards;

/// <summary>
/// Reactions by UTC day, and the tips served in the range sliced by each dimension: <c>policy</c>, <c>source</c>,
/// <c>hour</c> (UTC hour of day), <c>weekday</c> (0 = Sunday), <c>cohort</c> (the Monday of the signup week), <c>kind</c>
/// (task, advice, insight, reminder), <c>priority</c> (a task's priority at its source, 1 normal … 4 urgent), <c>model</c>
/// and <c>prompt_version</c> (of a written tip). A row that does not know its key (a task has no model; rows logged
/// before kind and priority were) falls in the slice <c>(unknown)</c>.
/// </summary>
public sealed record RewardsReport(
    DateOnly From, DateOnly To, IReadOnlyList<ReactionDay> Days, IReadOnlyDictionary<string, IReadOnlyList<RewardSlice>> Slices);

/// <summary>The reactions given on one UTC day, by reaction.</summary>
public sealed record ReactionDay(DateOnly Day, IReadOnlyDictionary<string, long> Reactions);
