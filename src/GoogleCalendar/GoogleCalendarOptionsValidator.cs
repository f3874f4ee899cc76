using Microsoft.Extensions.Options;

namespace OO.GoogleCalendar;

/// <summary>Refuses settings that would make the calendar source misbehave, at start.</summary>
internal sealed class GoogleCalendarOptionsValidator : IValidateOptions<GoogleCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, GoogleCalendarOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}:ApiBaseUrl must be an absolute URL.");
        }

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out _))
        {
            failures.Add($"{GoogleCalendarOptions.GoogleSectionName}:Authority must be an absolute URL.");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}:PollInterval must be at least 1 second.");
        }

        if (options.Window < TimeSpan.FromHours(1))
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}:Window must be at least 1 hour.");
        }

        if (options.FullSyncEvery <= TimeSpan.Zero || options.FullSyncEvery >= options.Window)
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}:FullSyncEvery must be positive and shorter than Window.");
        }

        if (options.PageSize is < 1 or > 2500 || options.MaxPages < 1)
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}:PageSize must be 1 to 2500 and MaxPages at least 1.");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(10) || options.RetryAttempts < 0
            || options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{GoogleCalendarOptions.SectionName}: RequestTimeout ≥ 10 ms, RetryAttempts ≥ 0, 0 < RetryBaseDelay ≤ RetryMaxDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
