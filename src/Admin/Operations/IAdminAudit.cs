namespace OO.Admin.Operations;

/// <summary>
/// Writes one row of the audit log (<c>oo_audit</c>) for something an operator did from the console, durably,
/// before the action runs. The host implements it over its analytics writer.
/// </summary>
public interface IAdminAudit
{
    /// <param name="actor">The acting admin's user id (an email may be empty or change).</param>
    /// <param name="action">A dotted name, e.g. <c>sql.run</c>.</param>
    /// <param name="target">What it was done to: a user id, or a name such as <c>database</c>.</param>
    Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);
}
