using Microsoft.Data.Sqlite;
using Npgsql;
using OO.Silo.Analytics;

namespace OO.Tests.Analytics;

/// <summary>A row the database refuses for its content is parked; a failing database is waited for.</summary>
public sealed class AnalyticsErrorsTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.StringDataRightTruncation, true)]
    [InlineData(PostgresErrorCodes.NotNullViolation, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, true)]
    [InlineData(PostgresErrorCodes.UndefinedColumn, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, false)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, false)]
    [InlineData(PostgresErrorCodes.AdminShutdown, false)]
    [InlineData(PostgresErrorCodes.TooManyConnections, false)]
    [InlineData(PostgresErrorCodes.LockNotAvailable, false)]
    public void PostgreSQL_errors_are_poison_only_for_data_constraints_and_syntax(string sqlState, bool poison) =>
        Assert.Equal(poison, AnalyticsErrors.IsPoison(new PostgresException("refused", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData(19, true)] // constraint
    [InlineData(18, true)] // too big
    [InlineData(1, true)] // SQL error
    [InlineData(5, false)] // busy
    [InlineData(6, false)] // locked
    [InlineData(14, false)] // cannot open
    [InlineData(10, false)] // I/O error
    public void SQLite_errors_are_poison_only_for_what_the_row_holds(int code, bool poison) =>
        Assert.Equal(poison, AnalyticsErrors.IsPoison(new SqliteException("refused", code)));

    [Fact]
    public void A_lost_connection_or_a_timeout_is_transient() =>
        Assert.All(
            new Exception[] { new NpgsqlException("connection lost", new IOException()), new TimeoutException(), new IOException() },
            error => Assert.False(AnalyticsErrors.IsPoison(error)));
}
