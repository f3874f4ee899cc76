namespace OO.Learning.Features;

/// <summary>What a feature describes, which decides how long its value may be reused.</summary>
public enum FeatureScope
{
    /// <summary>The constant 1 that lets the model learn a baseline.</summary>
    Bias,

    /// <summary>A property of one candidate, computed per request.</summary>
    Candidate,

    /// <summary>The moment of the request, computed per request. Not in the vector on its own since layout 2 (it would add the same to every candidate).</summary>
    Context,

    /// <summary>A statistic of the user's history. Not in the vector since layout 2: a constant offset changes no ranking; the grains use it for the push threshold.</summary>
    Profile,

    /// <summary>A candidate feature multiplied by a context feature: how the moment changes which candidate wins.</summary>
    Interaction,
}
