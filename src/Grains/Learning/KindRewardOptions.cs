namespace OO.Grains.Learning;

/// <summary>
/// The rewards of one kind of written candidate, answered "Helpful" (done), "Not now" (snooze) or "Not useful"
/// (dismiss). There is no magic zone: how long a person reads an advice says nothing about whether it helped.
/// </summary>
public sealed class KindRewardOptions
{
    /// <summary>"Helpful". Default +0.5, as a task done outside the magic zone.</summary>
    public double Done { get; set; } = 0.5;

    /// <summary>"Not now". Default 0.</summary>
    public double Snooze { get; set; }

    /// <summary>"Not useful". Default −0.5.</summary>
    public double Dismiss { get; set; } = -0.5;
}
