using System.Globalization;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Me;

/// <summary>Settings as the client sends and receives them: <c>{timeZone, quietHours:{start,end}, dailyPushCap, notify}</c>.</summary>
public sealed record SettingsBody(string? TimeZone, QuietHoursBody? QuietHours, int? DailyPushCap, bool? Notify)
{
    private const string TimeFormat = "HH:mm";

    public static SettingsBody From(UserSettings settings) =>
        new(
            settings.TimeZone,
            new QuietHoursBody(
                settings.QuietStart.ToString(TimeFormat, CultureInfo.InvariantCulture),
                settings.QuietEnd.ToString(TimeFormat, CultureInfo.InvariantCulture)),
            settings.DailyPushCap,
            settings.Notify);

    /// <summary>The settings this body describes, or the problems with each field a person has to fix.</summary>
    public (UserSettings? Settings, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors["timeZone"] = ["Give a time zone by its IANA name, for example Europe/Berlin or America/New_York."];
        }

        var start = ParseTime(QuietHours?.Start);
        var end = ParseTime(QuietHours?.End);
        if (start is null)
        {
            errors["quietHours.start"] = ["Give the start of quiet hours as HH:mm, for example 22:00."];
        }

        if (end is null)
        {
            errors["quietHours.end"] = ["Give the end of quiet hours as HH:mm, for example 07:00."];
        }

        if (DailyPushCap is not (>= 0 and <= UserSettings.MaxDailyPushCap))
        {
            errors["dailyPushCap"] = [$"The daily push cap is a whole number from 0 to {UserSettings.MaxDailyPushCap}."];
        }

        if (Notify is null)
        {
            errors["notify"] = ["Say whether to notify you: true or false."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new UserSettings(TimeZone!, start!.Value, end!.Value, DailyPushCap!.Value, Notify!.Value), errors);
    }

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
