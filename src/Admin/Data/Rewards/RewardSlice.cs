namespace OO.Admin.Data.Rewards;

/// <summary>The tips served in one slice (one policy, one hour of day…) and how they ended.</summary>
/// <param name="MeanReward">Mean reward of the reacted tips; null when none was reacted to.</param>
public sealed record RewardSlice(string Key, long Served, long Reacted, long Done, double? DoneRate, double? MeanReward);
