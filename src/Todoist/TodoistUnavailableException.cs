namespace OO.Todoist;

/// <summary>
/// Todoist could not be reached or kept failing (5xx, timeouts, network errors) after the
/// bounded retries a safe request gets. Transient: try again on the next poll.
/// </summary>
public sealed class TodoistUnavailableException : TodoistException
{
    public TodoistUnavailableException(string message, int? statusCode, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
