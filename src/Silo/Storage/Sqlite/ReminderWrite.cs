using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Reminder rows in <c>OrleansRemindersTable</c>, in the format the Orleans ADO.NET reminder table keeps (grain id
/// as text, its uniform hash as a signed integer, start time as a .NET date, period in milliseconds, version as
/// the ETag, 0 when created).
/// </summary>
internal static class ReminderWrite
{
    /// <summary>Creates or replaces a reminder; answers its new ETag.</summary>
    public sealed class Upsert(string serviceId, ReminderEntry entry) : SqliteWrite<string?>
    {
        private const string Sql = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES ($service, $grain, $name, $start, $period, $hash, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE SET
                StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
            RETURNING Version
            """;

        public override void Apply(SqliteStatements statements, SqliteTransaction transaction)
        {
            var command = statements.Get(Sql, transaction);
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$start", DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc));
            command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            command.Parameters.AddWithValue("$hash", (int)entry.GrainId.GetUniformHashCode());
            var version = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            Answer(() => version.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Removes a reminder if its ETag is current; answers whether it did.</summary>
    public sealed class Remove(string serviceId, GrainId grainId, string reminderName, string eTag) : SqliteWrite<bool>
    {
        private const string Sql = """
            DELETE FROM OrleansRemindersTable
            WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name AND Version = $version
            """;

        public override void Apply(SqliteStatements statements, SqliteTransaction transaction)
        {
            if (!int.TryParse(eTag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
            {
                Answer(() => false);
                return;
            }

            var command = statements.Get(Sql, transaction);
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            var removed = command.ExecuteNonQuery() > 0;
            Answer(() => removed);
        }
    }

    /// <summary>Removes every reminder of the service (the reminder service's test hook).</summary>
    public sealed class Clear(string serviceId) : SqliteWrite<bool>
    {
        public override void Apply(SqliteStatements statements, SqliteTransaction transaction)
        {
            var command = statements.Get("DELETE FROM OrleansRemindersTable WHERE ServiceId = $service", transaction);
            command.Parameters.AddWithValue("$service", serviceId);
            command.ExecuteNonQuery();
            Answer(() => true);
        }
    }
}
