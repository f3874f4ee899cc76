namespace OO.Push;

/// <summary>
/// The result of validating a <see cref="PushSubscription"/>: per field (<c>endpoint</c>,
/// <c>p256dh</c>, <c>auth</c>) the sentences a person can act on. The shape is what
/// <c>TypedResults.ValidationProblem</c> takes.
/// </summary>
public sealed class PushSubscriptionValidation
{
    internal PushSubscriptionValidation(IReadOnlyDictionary<string, string[]> errors) => Errors = errors;

    /// <summary>True when every field is usable.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Field name to its error messages; empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
