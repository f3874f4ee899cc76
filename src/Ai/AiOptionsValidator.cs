using Microsoft.Extensions.Options;

namespace OO.Ai;

/// <summary>Fails start-up on AI settings that could only fail later, one generation at a time.</summary>
internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        const string s = AiOptions.Section;
        var failures = new List<string>();
        if (options.IsModelConfigured && !IsHttpUrl(options.Endpoint))
        {
            failures.Add($"{s}:Endpoint must be an absolute http(s) URL such as http://localhost:11434/v1 (or unset to turn the model off).");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{s}:Model must name a model (default: tip-generator).");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > AiOptions.MaxTimeout)
        {
            failures.Add($"{s}:Timeout must be between 100 ms and 25 s: a generation has to end inside the 30-second grain call limit.");
        }

        if (options.MaxCandidates is < 1 or > 10)
        {
            failures.Add($"{s}:MaxCandidates must be between 1 and 10.");
        }

        if (options.MinInterval <= TimeSpan.Zero)
        {
            failures.Add($"{s}:MinInterval must be positive.");
        }

        if (options.CandidateTtl <= TimeSpan.Zero)
        {
            failures.Add($"{s}:CandidateTtl must be positive.");
        }

        if (options.ContextTasks is < 0 or > 50)
        {
            failures.Add($"{s}:ContextTasks must be between 0 and 50.");
        }

        if (options.ReactionsForNewContext < 1)
        {
            failures.Add($"{s}:ReactionsForNewContext must be at least 1.");
        }

        if (!Enum.IsDefined(options.Rules))
        {
            failures.Add($"{s}:Rules must be auto, on or off.");
        }

        if (options.RetryAttempts is < 0 or > 5)
        {
            failures.Add($"{s}:RetryAttempts must be between 0 and 5.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > options.Timeout)
        {
            failures.Add($"{s}:RetryBaseDelay must be between 0 and Timeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
