using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OO.Push;

/// <summary>
/// The push client's resilience pipeline: a total time limit around bounded exponential retries
/// with jitter around a per-attempt time limit. 5xx, 408, timeouts and connection failures are
/// retried; a 429 is waited out only when its <c>Retry-After</c> is short
/// (<see cref="PushOptions.MaxRetryAfterWait"/>), otherwise it ends the send so the device sits out;
/// any other 4xx (404 and 410 included) is final at once, as is a refused address.
/// </summary>
internal static class PushResilience
{
    /// <summary>The name of the pipeline on the push client.</summary>
    public const string PipelineName = "oo-push";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<PushOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });

        // Polly refuses zero retry attempts, so one attempt means no retry strategy at all.
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                // A 5xx's Retry-After is not honoured: the total limit would cut it anyway.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited ? RetryAfter(limited, time) : null),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
            });
        }

        // Innermost, so that every attempt gets its own limit and a slow attempt is retried.
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
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

    /// <summary>True when the address check refused the connection (it arrives wrapped by the handler).</summary>
    public static bool IsRefusedAddress(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PushAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, PushOptions options, TimeProvider time) => outcome switch
    {
        { Exception: { } exception } when IsRefusedAddress(exception) => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } limited } =>
            RetryAfter(limited, time) is { } wait && wait <= options.MaxRetryAfterWait,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
