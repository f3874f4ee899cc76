using Microsoft.Data.Sqlite;
using Npgsql;

namespace OO.Silo.Analytics;

/// <summary>
/// Tells a row the database refused for what it holds (a poison row: writing it again fails again) from
/// a failure of the database itself (connection, timeout, lock, serialization), which a retry heals.
/// Anything not known to be poison is treated as transient: retrying a bad row costs a dead letter later,
/// parking a good row would lose it.
/// </summary>
internal static class AnalyticsErrors
{
    public static bool IsPoison(Exception error) => error switch
    {
        // 22: data exception (string too long, bad value), 23: integrity constraint, 42: syntax or rule.
        PostgresException postgres => !postgres.IsTransient && postgres.SqlState.Length == 5 && postgres.SqlState[..2] is "22" or "23" or "42",
        // SQLITE_ERROR (SQL error), SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_RANGE; BUSY and LOCKED stay transient.
        SqliteException sqlite => sqlite.SqliteErrorCode is 1 or 18 or 19 or 20 or 25,
        System.Data.Common.DbException => false,
        // The provider could not even send the value.
        InvalidCastException or FormatException or OverflowException or ArgumentException => true,
        _ => false,
    };
}
