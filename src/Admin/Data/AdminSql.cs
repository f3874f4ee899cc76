using System.Data.Common;
using System.Globalization;

namespace OO.Admin.Data;

/// <summary>
/// The few places where SQLite and PostgreSQL differ for the console's queries: how an instant is stored
/// (ISO-8601 text in UTC on SQLite, timestamptz on PostgreSQL) and how a day, an hour or a weekday is read
/// from it. Everything else is written once in SQL both engines accept.
/// </summary>
public sealed class AdminSql(AdminEngine engine)
{
    /// <summary>Reactions that count as the person doing the task.</summary>
    public const string DoneReactions = "('done', 'completed-in-source')";

    public AdminEngine Engine => engine;

    /// <summary>The UTC day of <paramref name="column"/> as <c>yyyy-MM-dd</c> text.</summary>
    public string Day(string column) => engine == AdminEngine.Sqlite
        ? $"substr({column}, 1, 10)"
        : $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')";

    /// <summary>The UTC hour of day, 0–23.</summary>
    public string Hour(string column) => engine == AdminEngine.Sqlite
        ? $"CAST(substr({column}, 12, 2) AS INTEGER)"
        : $"CAST(EXTRACT(HOUR FROM {column} AT TIME ZONE 'UTC') AS INTEGER)";

    /// <summary>The UTC weekday, 0 = Sunday.</summary>
    public string Weekday(string column) => engine == AdminEngine.Sqlite
        ? $"CAST(strftime('%w', substr({column}, 1, 10)) AS INTEGER)"
        : $"CAST(EXTRACT(DOW FROM {column} AT TIME ZONE 'UTC') AS INTEGER)";

    /// <summary>The Monday that starts the UTC week of <paramref name="column"/>, as <c>yyyy-MM-dd</c> text.</summary>
    public string WeekStart(string column) => engine == AdminEngine.Sqlite
        ? $"date(substr({column}, 1, 10), '-' || ((CAST(strftime('%w', substr({column}, 1, 10)) AS INTEGER) + 6) % 7) || ' days')"
        : $"to_char(date_trunc('week', {column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";

    /// <summary>Comma-joined text of <paramref name="column"/> over a group.</summary>
    public string JoinText(string column) => engine == AdminEngine.Sqlite
        ? $"group_concat({column}, ',')"
        : $"string_agg({column}, ',')";

    /// <summary>Adds <paramref name="at"/> as a parameter in the form the engine stores instants.</summary>
    public void AddInstant(DbCommand command, string name, DateTimeOffset at) =>
        Add(command, name, engine == AdminEngine.Sqlite ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : at.ToUniversalTime());

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Reads an instant column stored either way.</summary>
    public static DateTimeOffset? Instant(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetValue(ordinal) switch
        {
            DateTimeOffset at => at.ToUniversalTime(),
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            var text => DateTimeOffset.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        };
    }

    public static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static double? Double(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
