namespace OO.Ai.Writing;

/// <summary>How one model generation ended.</summary>
public enum WriteOutcome
{
    /// <summary>At least one tip passed the gate.</summary>
    Generated = 0,

    /// <summary>Every answer, the gate's retries included, was refused.</summary>
    Rejected = 1,

    /// <summary>The model did not answer in time, or answered an error after the HTTP retries.</summary>
    Failed = 2,
}
