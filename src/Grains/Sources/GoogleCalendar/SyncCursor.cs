using System.Globalization;

namespace OO.Grains.Sources.GoogleCalendar;

/// <summary>
/// The calendar's cursor: when the last complete listing was taken, and Google's sync token since. Opaque to
/// the integration grain; written as <c>{unix seconds}|{sync token}</c>.
/// </summary>
internal static class SyncCursor
{
    public static string? Write(DateTimeOffset completeAt, string? syncToken) =>
        syncToken is null ? null : $"{completeAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}|{syncToken}";

    public static bool TryRead(string? cursor, out DateTimeOffset completeAt, out string syncToken)
    {
        completeAt = default;
        syncToken = "";
        var bar = cursor?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0 || bar == cursor!.Length - 1
            || !long.TryParse(cursor.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        completeAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        syncToken = cursor[(bar + 1)..];
        return true;
    }
}
