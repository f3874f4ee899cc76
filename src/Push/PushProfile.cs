namespace OO.Push;

/// <summary>
/// What the user's reaction history says about interrupting them (the user grain maps its profile here; this
/// library knows nothing of the learner).
/// </summary>
/// <param name="Reactions">How many reactions the statistics come from; 0 means nothing is known.</param>
/// <param name="CompletionRate">Share of those reactions that were "done" (0..1).</param>
/// <param name="ActiveHourSin">Mean sin(2π·h/24) of the local hours the person reacted at.</param>
/// <param name="ActiveHourCos">Mean cos(2π·h/24) of the same hours: with the sine, the direction is their usual hour and the length (0..1) how regular they are.</param>
public sealed record PushProfile(int Reactions, double CompletionRate, double ActiveHourSin, double ActiveHourCos)
{
    /// <summary>A person oO knows nothing about yet: the threshold is the learned one, unmoved.</summary>
    public static PushProfile None { get; } = new(0, 0, 0, 0);
}
