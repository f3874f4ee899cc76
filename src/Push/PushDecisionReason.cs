namespace OO.Push;

/// <summary>Why a push was or was not sent; stable names, meant for logs and metrics.</summary>
public enum PushDecisionReason
{
    /// <summary>Every rule passed: send.</summary>
    Send,

    /// <summary>It is inside the user's quiet hours, on their local clock.</summary>
    QuietHours,

    /// <summary>The user is in a calendar event marked busy, or it starts within <see cref="PushOptions.MeetingLead"/>.</summary>
    InMeeting,

    /// <summary>The user has had their daily cap of pushes since local midnight.</summary>
    DailyCapReached,

    /// <summary>The last push was less than the minimum gap ago.</summary>
    TooSoon,

    /// <summary>There is no candidate to push.</summary>
    NoCandidate,

    /// <summary>The best candidate is the tip pushed last time.</summary>
    SameAsLastPush,

    /// <summary>The best candidate's expected reward does not exceed the interrupt threshold.</summary>
    BelowThreshold,
}
