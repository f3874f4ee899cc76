using System.Globalization;
using OO.Grains.Interfaces.Events;

namespace OO.Api.Admin;

/// <summary>Reads the event API's query string into an <see cref="EventFilter"/>, or says which parameters are wrong.</summary>
internal static class EventQuery
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public static EventFilter? Parse(string? subject, string? user, string? since, string? until, string? limit, string? after, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (subject is { Length: > 0 } && !EventSubjects.All.Any(s => s.StartsWith(subject, StringComparison.Ordinal)))
        {
            errors["subject"] = [$"No subject starts with '{Shorten(subject)}'. Subjects: {string.Join(", ", EventSubjects.All)}."];
        }

        if (user is { Length: > 200 })
        {
            errors["user"] = ["A user id has at most 200 characters."];
        }

        var from = Instant(since, "since", errors);
        var to = Instant(until, "until", errors);
        if (from is { } f && to is { } t && t <= f)
        {
            errors["until"] = ["'until' must be after 'since'."];
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'limit' is a whole number from 1 to {MaxLimit}."];
        }

        long? afterId = null;
        if (after is not null)
        {
            if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                afterId = id;
            }
            else
            {
                errors["after"] = ["'after' is an event id (a whole number)."];
            }
        }

        return errors.Count > 0 ? null : new EventFilter(NullIfEmpty(subject), NullIfEmpty(user), from, to, afterId, count);
    }

    private static DateTimeOffset? Instant(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is not { Length: > 0 })
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        errors[name] = [$"'{name}' is an ISO-8601 instant, e.g. 2026-11-27T21:00:00Z."];
        return null;
    }

    private static string? NullIfEmpty(string? value) => value is { Length: > 0 } ? value : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
