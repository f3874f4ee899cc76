using System.Text.Json.Serialization;

namespace OO.Learning.Logging;

/// <summary>One candidate of a logged decision: its key (<c>{source}:{sourceRef}</c>), feature vector and the serving policy's score.</summary>
/// <param name="Key">The candidate's key.</param>
/// <param name="Features">Its feature vector in the layout the entry's feature names give; written with five decimals.</param>
/// <param name="Score">The serving policy's score.</param>
public sealed record LoggedCandidate(string Key, [property: JsonConverter(typeof(RoundedVectorConverter))] double[] Features, double Score);
