using Microsoft.Extensions.Options;

namespace OO.Todoist;

/// <summary>
/// Fails start-up on settings that could only fail later, one request at a time.
/// </summary>
internal sealed class TodoistOptionsValidator : IValidateOptions<TodoistOptions>
{
    public ValidateOptionsResult Validate(string? name, TodoistOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.AuthBaseUrl))
        {
            failures.Add($"{TodoistOptions.SectionName}:AuthBaseUrl must be an absolute http(s) URL.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"{TodoistOptions.SectionName}:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{TodoistOptions.SectionName}:PollInterval must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.Scopes))
        {
            failures.Add($"{TodoistOptions.SectionName}:Scopes must name at least one scope.");
        }

        // Polly's timeout strategy refuses anything shorter than 10 ms or longer than a day.
        if (options.RequestTimeout < TimeSpan.FromMilliseconds(10) || options.RequestTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{TodoistOptions.SectionName}:RequestTimeout must be between 10 ms and 1 day.");
        }

        if (options.RetryAttempts is < 0 or > 10)
        {
            failures.Add($"{TodoistOptions.SectionName}:RetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{TodoistOptions.SectionName}:RetryBaseDelay must be between 0 and 1 day.");
        }

        if (options.RetryMaxDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{TodoistOptions.SectionName}:RetryMaxDelay must be positive and not below RetryBaseDelay.");
        }

        if (options.PageSize is < 1 or > 200)
        {
            failures.Add($"{TodoistOptions.SectionName}:PageSize must be between 1 and 200.");
        }

        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{TodoistOptions.SectionName}:ClientSecret is required when ClientId is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
