namespace OO.Learning.Features;

/// <summary>Everything a feature can be computed from.</summary>
public sealed record FeatureInput(TaskFacts Task, RequestContext Context, UserProfile Profile);
