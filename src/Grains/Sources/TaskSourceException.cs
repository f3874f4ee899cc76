namespace OO.Grains.Sources;

/// <summary>A call to a source failed. Messages never carry a token, a secret or a code.</summary>
public sealed class TaskSourceException : Exception
{
    public TaskSourceException(TaskSourceFault fault, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Fault = fault;
        RetryAfter = retryAfter;
    }

    public TaskSourceFault Fault { get; }

    /// <summary>For <see cref="TaskSourceFault.RateLimited"/>: how long the provider asked to wait, if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
