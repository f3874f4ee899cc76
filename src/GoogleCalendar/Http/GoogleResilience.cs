using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OO.GoogleCalendar.Http;

/// <summary>Bounded exponential retries with jitter around a per-attempt timeout, for requests safe to repeat; 429 is left to the caller.</summary>
internal static class GoogleResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value;
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                // Long waits belong to the integration grain's schedule, not to a call in flight.
                ShouldRetryAfterHeader = false,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout });
    }

    internal static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        GoogleHttp.IsRetryable(request) && outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Exception: TimeoutRejectedException } => true,
            // 429 surfaces at once with its Retry-After: the grain waits, not the call.
            { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
            _ => false,
        };
}
