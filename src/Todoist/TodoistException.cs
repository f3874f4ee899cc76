namespace OO.Todoist;

/// <summary>
/// Base of every fault this library raises for a call to Todoist, so a caller can catch them
/// all in one place. Messages never carry a token, a secret or an authorization code.
/// </summary>
public abstract class TodoistException : Exception
{
    protected TodoistException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status Todoist answered with; null when no answer arrived (timeout, network).</summary>
    public int? StatusCode { get; }
}
