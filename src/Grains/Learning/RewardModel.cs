using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Learning;

/// <summary>Turns a reaction and how long the tip was looked at into a reward.</summary>
public sealed class RewardModel(IOptions<RewardOptions> options)
{
    private readonly RewardOptions _options = options.Value;

    public double For(Reaction reaction, long? dwellMs) => reaction switch
    {
        Reaction.Done when dwellMs is { } ms && InMagicZone(TimeSpan.FromMilliseconds(ms)) => _options.DoneInMagicZone,
        Reaction.Done => _options.Done,
        Reaction.Snooze => _options.Snooze,
        Reaction.Dismiss => _options.Dismiss,
        _ => throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "Unknown reaction."),
    };

    public double CompletedInSource => _options.CompletedInSource;

    private bool InMagicZone(TimeSpan dwell) => dwell >= _options.MagicZoneStart && dwell <= _options.MagicZoneEnd;
}
