using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Users;

/// <summary>One tip as it was served, and the reaction it got.</summary>
[GenerateSerializer, Alias("oo.ServedTip")]
public sealed class ServedTip
{
    [Id(0)] public required Tip Tip { get; set; }
    [Id(1)] public Reaction? Reaction { get; set; }
    [Id(2)] public DateTimeOffset? ReactedAt { get; set; }
    [Id(3)] public double? Reward { get; set; }

    /// <summary>The serving policy's score for this tip.</summary>
    [Id(4)] public double Score { get; set; }

    /// <summary>The tip's feature vector when it was served, in single precision: what a later reward is learned from.</summary>
    [Id(5)] public FeatureValues Features { get; set; }

    /// <summary>Set when the task was completed in its source without a reaction here (a delayed reward).</summary>
    [Id(6)] public DateTimeOffset? CompletedInSourceAt { get; set; }

    /// <summary>True when the tip was served by a push notification rather than asked for by the page.</summary>
    [Id(7)] public bool ViaPush { get; set; }

    public bool HasOutcome => Reaction is not null || CompletedInSourceAt is not null;
}
