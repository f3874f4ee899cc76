namespace OO.Learning.Features;

/// <summary>What a candidate asks of the person, as the learner sees it (the grains' tip kind, mirrored: this library knows nothing of them).</summary>
public enum CandidateKind
{
    /// <summary>One of the person's own tasks: the baseline of the kind one-hot.</summary>
    Task = 0,

    /// <summary>A suggestion of how to go about something.</summary>
    Advice = 1,

    /// <summary>Something noticed in the person's own history.</summary>
    Insight = 2,

    /// <summary>Something coming up that is worth preparing for.</summary>
    Reminder = 3,
}
