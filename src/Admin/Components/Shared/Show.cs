using System.Globalization;

namespace OO.Admin.Components.Shared;

/// <summary>How the console writes numbers, the same on every page.</summary>
public static class Show
{
    public static string Percent(double? share) => share is { } value ? value.ToString("P1", CultureInfo.InvariantCulture) : "–";

    public static string Number(double? value, string format = "0.###") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "–";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
