namespace OO.Learning.Features;

/// <summary>What a feature describes, which decides how long its value may be reused.</summary>
public enum FeatureScope
{
    /// <summary>The constant 1 that lets the model learn a baseline.</summary>
    Bias,

    /// <summary>A property of one candidate, computed per request.</summary>
    Candidate,

    /// <summary>The moment of the request, computed per request.</summary>
    Context,

    /// <summary>A statistic of the user's history, computed by an explicit profile rebuild.</summary>
    Profile,
}
