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

    /// <summary>
    /// The reward of a reaction to a tip of <paramref name="kind"/>: a task's as above, a written candidate's from
    /// its kind's configuration (no magic zone).
    /// </summary>
    public double For(TipKind kind, Reaction reaction, long? dwellMs)
    {
        var rewards = kind switch
        {
            TipKind.Advice => _options.Kinds.Advice,
            TipKind.Insight => _options.Kinds.Insight,
            TipKind.Reminder => _options.Kinds.Reminder,
            _ => null,
        };
        return rewards is null ? For(reaction, dwellMs) : reaction switch
        {
            Reaction.Done => rewards.Done,
            Reaction.Snooze => rewards.Snooze,
            Reaction.Dismiss => rewards.Dismiss,
            _ => throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "Unknown reaction."),
        };
    }

    public double CompletedInSource => _options.CompletedInSource;

    private bool InMagicZone(TimeSpan dwell) => dwell >= _options.MagicZoneStart && dwell <= _options.MagicZoneEnd;
}
