namespace OO.Learning.Features;

/// <summary>Builds the fixed-order vector of <see cref="FeatureRegistry"/> for one candidate.</summary>
public static class FeatureVectorBuilder
{
    /// <summary>The candidate's vector of length <see cref="FeatureRegistry.Dimension"/>, with names.</summary>
    public static FeatureVector Build(TaskFacts task, RequestContext context, UserProfile profile) =>
        new(BuildValues(task, context, profile), FeatureRegistry.Names);

    /// <summary>Just the values, for the hot path.</summary>
    public static double[] BuildValues(TaskFacts task, RequestContext context, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(profile);
        var values = new double[FeatureRegistry.Dimension];
        FeatureRegistry.Fill(new FeatureInput(task, context, profile), values);
        return values;
    }

    /// <summary>One vector per candidate, sharing the request context and profile.</summary>
    public static IReadOnlyList<double[]> BuildAll(IEnumerable<TaskFacts> candidates, RequestContext context, UserProfile profile) =>
        candidates.Select(c => BuildValues(c, context, profile)).ToArray();
}
