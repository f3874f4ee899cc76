namespace OO.Learning.Logging;

/// <summary>One candidate of a logged decision: its key (<c>{source}:{sourceRef}</c>), feature vector and the serving policy's score.</summary>
public sealed record LoggedCandidate(string Key, double[] Features, double Score);
