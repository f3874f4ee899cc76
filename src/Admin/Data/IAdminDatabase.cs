using System.Data.Common;

namespace OO.Admin.Data;

/// <summary>
/// The console's only way to the analytics tables. The silo implements it over its own connection factory,
/// so the console knows neither the connection string nor the driver.
/// </summary>
public interface IAdminDatabase
{
    AdminEngine Engine { get; }

    /// <summary>An open connection for the console's own queries (the users directory search, the overview).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection that cannot write: SQLite opened with <c>Mode=ReadOnly</c>; PostgreSQL inside a read-only
    /// transaction whose statements stop after <paramref name="statementTimeout"/>. Disposing it rolls back.
    /// </summary>
    Task<ReadOnlyConnection> OpenReadOnlyAsync(TimeSpan statementTimeout, CancellationToken cancellationToken);
}
