namespace OO.Push;

/// <summary>The best tip the user grain could push now.</summary>
/// <param name="Key">A stable key of the tip (the same tip keeps the same key between reminders).</param>
/// <param name="ExpectedReward">The policy's expected reward for it, on the reward scale (−0.5 to 1.0).</param>
public sealed record PushCandidate(string Key, double ExpectedReward);
