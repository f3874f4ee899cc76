namespace OO.Admin.Data;

/// <summary>
/// Records a console action that no grain call audits itself (revoking an integration). Returns once the row is
/// durable, like the grains' own audit.
/// </summary>
public interface IAdminAudit
{
    Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);
}
