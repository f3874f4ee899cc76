using Microsoft.Data.Sqlite;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Reminders on the embedded SQLite file, in the Orleans ADO.NET reminder table's rows: writes go through the
/// store's one writer, grouped with grain-state writes; reads go to its reader threads. Registering a reminder
/// (every new user registers several) no longer takes the file's write lock on its own.
/// </summary>
public sealed class SqliteReminderTable(string serviceId, SqliteStore store) : IReminderTable
{
    private const string Columns = "SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable";

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAll($"{Columns} WHERE ServiceId = $service AND GrainId = $grain", command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // The ring wraps: a range whose start is past its end is the two ends of the ring.
        ReadAll(
            (int)begin < (int)end
                ? $"{Columns} WHERE ServiceId = $service AND GrainHash > $begin AND GrainHash <= $end"
                : $"{Columns} WHERE ServiceId = $service AND (GrainHash > $begin OR GrainHash <= $end)",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (int)begin);
                command.Parameters.AddWithValue("$end", (int)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await ReadAll(
            $"{Columns} WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            })).Reminders.FirstOrDefault();

    public Task<string?> UpsertRow(ReminderEntry entry) => store.Writer.WriteAsync(new ReminderWrite.Upsert(serviceId, entry));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        store.Writer.WriteAsync(new ReminderWrite.Remove(serviceId, grainId, reminderName, eTag));

    public Task TestOnlyClearTable() => store.Writer.WriteAsync(new ReminderWrite.Clear(serviceId));

    private Task<ReminderTableData> ReadAll(string sql, Action<SqliteCommand> bind) =>
        store.Reader.ReadAsync(statements =>
        {
            var command = statements.Get(sql);
            command.Parameters.AddWithValue("$service", serviceId);
            bind(command);
            using var row = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (row.Read())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(row.GetString(0)),
                    ReminderName = row.GetString(1),
                    StartAt = DateTime.SpecifyKind(row.GetDateTime(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromMilliseconds(row.GetInt64(3)),
                    ETag = row.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            return new ReminderTableData(entries);
        });
}
