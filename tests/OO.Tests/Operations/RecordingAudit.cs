using OO.Admin.Data;

namespace OO.Tests.Operations;

/// <summary>Keeps the audit rows the console asked for, in order.</summary>
internal sealed class RecordingAudit : IAdminAudit
{
    private readonly List<(string Actor, string Action, string Target, string? Detail)> _rows = [];

    public IReadOnlyList<(string Actor, string Action, string Target, string? Detail)> Rows
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    public Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            _rows.Add((actor, action, target, detail));
        }

        return Task.CompletedTask;
    }
}
