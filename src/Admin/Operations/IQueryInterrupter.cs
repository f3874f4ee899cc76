using System.Data.Common;

namespace OO.Admin.Operations;

/// <summary>
/// Stops a query running on <c>connection</c> when a token is cancelled, for engines whose driver does not stop a
/// running statement by itself (SQLite). The host implements it, as only it knows the driver.
/// </summary>
public interface IQueryInterrupter
{
    /// <summary>Until disposed, cancelling <paramref name="token"/> interrupts what runs on <paramref name="connection"/>.</summary>
    IDisposable InterruptOnCancel(DbConnection connection, CancellationToken token);
}
