namespace OO.Grains.Learning;

/// <summary>Rewards per kind of written candidate (<c>OO:Rewards:Kinds:Advice:Done</c> …); a task's are <see cref="RewardOptions"/>' own.</summary>
public sealed class KindRewardsOptions
{
    public KindRewardOptions Advice { get; set; } = new();

    public KindRewardOptions Insight { get; set; } = new();

    public KindRewardOptions Reminder { get; set; } = new();
}
