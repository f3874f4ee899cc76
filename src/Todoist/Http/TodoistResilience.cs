using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OO.Todoist.Http;

/// <summary>
/// The resilience pipeline both Todoist clients share: bounded exponential retries with jitter
/// around a per-attempt timeout, for requests that are safe to repeat only.
/// </summary>
internal static class TodoistResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<TodoistOptions>>().Value;

        // Polly refuses zero retry attempts, so "no retries" means no retry strategy at all.
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                // A 5xx with Retry-After: 3600 would otherwise park a poll for an hour; the
                // grain's own schedule is the place for long waits.
                ShouldRetryAfterHeader = false,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
            });
        }

        // Innermost, so that every attempt gets its own timeout and a slow attempt is retried.
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout });
    }

    internal static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (!TodoistHttp.IsRetryable(request))
        {
            return false;
        }

        // 429 is deliberately absent: it surfaces at once with its Retry-After.
        return outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Exception: TimeoutRejectedException } => true,
            { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
            _ => false,
        };
    }
}
