using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OO.Push;

/// <summary>
/// Sends one encrypted, VAPID-signed message to a subscription and says what became of it.
/// HTTP results never throw: they come back as a <see cref="PushResult"/>. 5xx answers,
/// timeouts and connection failures are retried a bounded number of times
/// (<see cref="PushOptions.MaxAttempts"/>) with exponential backoff and jitter; 4xx answers are
/// final at once. Registered as a typed <see cref="HttpClient"/> by <c>AddWebPush</c>.
/// </summary>
public sealed class WebPushSender
{
    private const int MaxDetailLength = 200;

    private readonly HttpClient _httpClient;
    private readonly VapidSigner _signer;
    private readonly PushMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly PushOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates a sender; normally resolved from the container.</summary>
    public WebPushSender(HttpClient httpClient, VapidSigner signer, PushMetrics metrics, IOptions<PushOptions> options, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _signer = signer;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _options = options.Value;
        _pipeline = BuildPipeline(_options, timeProvider);
    }

    /// <summary>Encrypts <paramref name="message"/> for <paramref name="subscription"/> and posts it.</summary>
    /// <exception cref="ArgumentException">
    /// The payload is larger than <see cref="WebPushEncryptor.MaxPlaintextLength"/>, the topic is
    /// not a valid RFC 8030 topic, or the subscription's keys do not decode (validate
    /// subscriptions with <see cref="PushSubscriptionValidator"/> when they are registered).
    /// </exception>
    public async Task<PushResult> SendAsync(PushSubscription subscription, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Payload.Length > WebPushEncryptor.MaxPlaintextLength)
        {
            throw new ArgumentException(
                $"A push payload may be at most {WebPushEncryptor.MaxPlaintextLength} bytes (4096 once encrypted); this one is {message.Payload.Length} bytes. Send less and let the page fetch the rest.",
                nameof(message));
        }

        if (message.Topic is not null && !PushTopic.IsValid(message.Topic))
        {
            throw new ArgumentException(
                $"A push topic must be 1 to {PushTopic.MaxLength} characters of A-Z, a-z, 0-9, '-' and '_'; use PushTopic.FromKey to derive one.",
                nameof(message));
        }

        var validation = PushSubscriptionValidator.Validate(subscription);
        if (!validation.IsValid)
        {
            var problems = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
            throw new ArgumentException($"The subscription cannot be pushed to: {problems}", nameof(subscription));
        }

        var endpoint = new Uri(subscription.Endpoint);
        var body = WebPushEncryptor.Encrypt(
            message.Payload.Span,
            Base64UrlText.Decode(subscription.P256dh, "p256dh"),
            Base64UrlText.Decode(subscription.Auth, "auth"));
        var ttl = (long)Math.Max(0, (message.TimeToLive ?? _options.TimeToLive).TotalSeconds);

        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = CreateRequest(endpoint, body, ttl, message);
                    try
                    {
                        var attemptResponse = await _httpClient.SendAsync(request, token).ConfigureAwait(false);
                        _metrics.RecordAttempt((int)attemptResponse.StatusCode);
                        return attemptResponse;
                    }
                    catch
                    {
                        _metrics.RecordAttempt(null);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return Finish(await ClassifyAsync(response, attempts, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (IsTransientException(exception) && !cancellationToken.IsCancellationRequested)
        {
            return Finish(new PushResult(PushOutcome.TransientFailure, null, attempts) { Detail = exception.Message });
        }
    }

    private PushResult Finish(PushResult result)
    {
        _metrics.RecordOutcome(result.Outcome);
        return result;
    }

    private HttpRequestMessage CreateRequest(Uri endpoint, byte[] body, long ttl, PushMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        var authorization = _signer.CreateAuthorization(endpoint);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("TTL", ttl.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Urgency", UrgencyValue(message.Urgency));
        if (message.Topic is not null)
        {
            request.Headers.TryAddWithoutValidation("Topic", message.Topic);
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentEncoding.Add("aes128gcm");
        request.Content = content;
        return request;
    }

    private async Task<PushResult> ClassifyAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var outcome = status switch
        {
            >= 200 and < 300 => PushOutcome.Delivered,
            (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Gone => PushOutcome.Gone,
            (int)HttpStatusCode.TooManyRequests => PushOutcome.RateLimited,
            (int)HttpStatusCode.RequestEntityTooLarge => PushOutcome.PayloadTooLarge,
            >= 500 => PushOutcome.TransientFailure,
            _ => PushOutcome.Rejected,
        };

        string? detail = null;
        if (outcome != PushOutcome.Delivered)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            detail = text.Length > MaxDetailLength ? text[..MaxDetailLength] : text;
        }

        return new PushResult(outcome, status, attempts)
        {
            RetryAfter = outcome == PushOutcome.RateLimited ? RetryAfter(response) : null,
            Detail = string.IsNullOrEmpty(detail) ? null : detail,
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(PushOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                        ? IsTransientException(exception)
                        : (int)args.Outcome.Result!.StatusCode >= 500),
            });
        }

        // Inside the retry, so that each attempt gets its own time limit.
        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    // OperationCanceledException here is HttpClient's own timeout; the caller's cancellation is
    // told apart by the token at the call site.
    private static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException;

    private static string UrgencyValue(PushUrgency urgency) => urgency switch
    {
        PushUrgency.VeryLow => "very-low",
        PushUrgency.Low => "low",
        PushUrgency.High => "high",
        _ => "normal",
    };
}
