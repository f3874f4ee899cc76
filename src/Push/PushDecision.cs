namespace OO.Push;

/// <summary>The answer of <see cref="PushDecider.Decide"/>.</summary>
/// <param name="Reason">Why; <see cref="PushDecisionReason.Send"/> exactly when a push should go out.</param>
public readonly record struct PushDecision(PushDecisionReason Reason)
{
    /// <summary>True when a push should be sent now.</summary>
    public bool ShouldSend => Reason == PushDecisionReason.Send;
}
