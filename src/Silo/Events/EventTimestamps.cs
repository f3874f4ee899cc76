using OO.Silo.Configuration;

namespace OO.Silo.Events;

/// <summary>Instants as each engine keeps them: ISO-8601 UTC text on SQLite (sorts as text), timestamptz on PostgreSQL.</summary>
internal static class EventTimestamps
{
    public static object ToDatabase(StorageProvider engine, DateTimeOffset at) =>
        engine == StorageProvider.Sqlite ? at.ToUniversalTime().ToString("O") : at.ToUniversalTime();

    public static DateTimeOffset FromDatabase(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"An event time stored as {value.GetType().Name}."),
    };
}
