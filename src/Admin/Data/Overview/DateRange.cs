using System.Globalization;

namespace OO.Admin.Data.Overview;

/// <summary>A range of whole UTC days, both ends included.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Longest range a page or the API accepts, in days.</summary>
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant just after the range: the start of the day after <see cref="To"/>.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);

    /// <summary>
    /// Reads a range from query text (<c>yyyy-MM-dd</c>); missing ends default to the 30 days up to today.
    /// Returns an error sentence for a date that cannot be read, a reversed range or one that is too long.
    /// </summary>
    public static (DateRange? Range, string? Error) Parse(string? from, string? to, DateOnly today)
    {
        if (!TryDay(to, today, out var end))
        {
            return (null, "'to' must be a date like 2026-01-31.");
        }

        if (!TryDay(from, end.AddDays(-29), out var start))
        {
            return (null, "'from' must be a date like 2026-01-01.");
        }

        if (start > end)
        {
            return (null, "'from' must not be after 'to'.");
        }

        return end.DayNumber - start.DayNumber + 1 > MaxDays
            ? (null, $"A range is at most {MaxDays} days.")
            : (new DateRange(start, end), null);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
