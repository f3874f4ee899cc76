namespace OO.Grains.Learning;

/// <summary>Rewards inferred from a reaction and its dwell time (section <c>OO:Rewards</c>).</summary>
public sealed class RewardOptions
{
    public const string Section = "OO:Rewards";

    /// <summary>
    /// The lowest reward allowed. The defaults span [−0.5, 1] (docs/learning.md); the bound leaves a dismissal room to
    /// weigh as much as the best done, and keeps every reward on the scale the exploration bonus was tuned for.
    /// </summary>
    public const double Min = -1.0;

    /// <summary>The highest reward allowed: a done in the magic zone, by default.</summary>
    public const double Max = 1.0;

    /// <summary>Done this soon after showing is not yet the magic zone. Default 15 seconds.</summary>
    public TimeSpan MagicZoneStart { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Done later than this after showing is no longer the magic zone. Default 2 minutes.</summary>
    public TimeSpan MagicZoneEnd { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Done inside the magic zone. Default +1.0.</summary>
    public double DoneInMagicZone { get; set; } = 1.0;

    /// <summary>Done outside the magic zone (or with no dwell time). Default +0.5.</summary>
    public double Done { get; set; } = 0.5;

    /// <summary>Default 0.</summary>
    public double Snooze { get; set; }

    /// <summary>Default −0.5.</summary>
    public double Dismiss { get; set; } = -0.5;

    /// <summary>A task completed in its source after being shown, with no reaction. Default +0.5.</summary>
    public double CompletedInSource { get; set; } = 0.5;

    /// <summary>Rewards for advice, insights and reminders, by kind (<c>OO:Rewards:Kinds:Advice:Done</c> …).</summary>
    public KindRewardsOptions Kinds { get; set; } = new();

    /// <summary>Every configured reward with its key under <see cref="Section"/> (<c>Done</c>, <c>Kinds:Advice:Done</c> …).</summary>
    public IEnumerable<KeyValuePair<string, double>> Rewards()
    {
        yield return new(nameof(DoneInMagicZone), DoneInMagicZone);
        yield return new(nameof(Done), Done);
        yield return new(nameof(Snooze), Snooze);
        yield return new(nameof(Dismiss), Dismiss);
        yield return new(nameof(CompletedInSource), CompletedInSource);
        foreach (var (kind, rewards) in new[] { (nameof(Kinds.Advice), Kinds.Advice), (nameof(Kinds.Insight), Kinds.Insight), (nameof(Kinds.Reminder), Kinds.Reminder) })
        {
            yield return new($"{nameof(Kinds)}:{kind}:{nameof(rewards.Done)}", rewards.Done);
            yield return new($"{nameof(Kinds)}:{kind}:{nameof(rewards.Snooze)}", rewards.Snooze);
            yield return new($"{nameof(Kinds)}:{kind}:{nameof(rewards.Dismiss)}", rewards.Dismiss);
        }
    }
}
