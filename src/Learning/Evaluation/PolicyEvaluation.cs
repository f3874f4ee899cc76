namespace OO.Learning.Evaluation;

/// <summary>Offline estimates of one target policy's mean reward per request.</summary>
/// <param name="Policy">The target policy's name.</param>
/// <param name="Replay">Rejection-sampling replay; Count = matched events.</param>
/// <param name="Ips">Inverse propensity scoring; Count = all events.</param>
/// <param name="Snips">Self-normalised IPS; Count = all events.</param>
public sealed record PolicyEvaluation(string Policy, IntervalEstimate Replay, IntervalEstimate Ips, IntervalEstimate Snips);
