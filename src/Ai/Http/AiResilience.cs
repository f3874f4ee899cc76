using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OO.Ai.Http;

/// <summary>
/// The model client's resilience pipeline: a total time limit of <see cref="AiOptions.Timeout"/> around bounded
/// exponential retries with jitter. 5xx, 408, network failures and 429 are retried; a 429's <c>Retry-After</c> is
/// waited out when it fits in the time limit, and ends the request at once when it does not.
/// </summary>
internal static class AiResilience
{
    /// <summary>The name of the HTTP client and of its pipeline.</summary>
    public const string ClientName = "oo-ai";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.Timeout });

        // Polly refuses zero retry attempts, so "no retries" means no retry strategy at all.
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.Timeout,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.Timeout, time)),
            });
        }
    }

    /// <summary>How long a 429 or 503 asked to wait, when it said: delta seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan budget, TimeProvider time) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // Waiting longer than the whole budget would only end in the total timeout.
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } limited } => RetryAfter(limited, time) is not { } wait || wait < budget,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
