namespace OO.Todoist;

/// <summary>
/// Todoist refused a request for a reason that is neither authorization, rate limiting nor an
/// outage (for example 400 or 404, such as closing a task that no longer exists). Retrying the
/// same request will give the same answer.
/// </summary>
public sealed class TodoistRequestException : TodoistException
{
    public TodoistRequestException(string message, int statusCode)
        : base(message, statusCode)
    {
    }
}
