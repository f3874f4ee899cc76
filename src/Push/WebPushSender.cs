using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace OO.Push;

/// <summary>
/// Sends one encrypted, VAPID-signed message to a subscription and says what became of it.
/// HTTP results never throw: they come back as a <see cref="PushResult"/>. Retries, back-off and
/// time limits are the client's resilience handler (<see cref="PushResilience"/>); connections go
/// only to public addresses (<see cref="PushEndpointGuard"/>), redirects are not followed, and at
/// most <see cref="MaxResponseBodyBytes"/> of an answer is read. Registered as a typed
/// <see cref="HttpClient"/> by <c>AddWebPush</c>.
/// </summary>
public sealed class WebPushSender
{
    /// <summary>The most of a push service's answer that is ever read: a hostile endpoint may send gigabytes.</summary>
    public const int MaxResponseBodyBytes = 4096;

    private const int MaxDetailLength = 200;

    // The answer's body is only for logs: a push service that sends headers and then trickles it
    // gets this long, and never more than what is left of the send's deadline.
    private static readonly TimeSpan DetailReadLimit = TimeSpan.FromSeconds(1);

    private readonly HttpClient _httpClient;
    private readonly VapidSigner _signer;
    private readonly PushMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly PushOptions _options;

    /// <summary>Creates a sender; normally resolved from the container.</summary>
    public WebPushSender(HttpClient httpClient, VapidSigner signer, PushMetrics metrics, IOptions<PushOptions> options, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _signer = signer;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _options = options.Value;
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

        var validation = PushSubscriptionValidator.Validate(subscription, _options.AllowLoopbackEndpoints);
        if (!validation.IsValid)
        {
            var problems = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
            throw new ArgumentException($"The subscription cannot be pushed to: {problems}", nameof(subscription));
        }

        var endpoint = new Uri(subscription.Endpoint);
        var body = WebPushEncryptor.Encrypt(
            message.Payload.Span,
            Base64Url.DecodeFromChars(subscription.P256dh),
            Base64Url.DecodeFromChars(subscription.Auth));
        var ttl = (long)Math.Max(0, (message.TimeToLive ?? _options.TimeToLive).TotalSeconds);

        var attempts = new StrongBox<int>();
        // One deadline for the whole send, reading the answer included: the resilience pipeline's
        // total limit ends at the headers, and the test push is awaited under a 30-second grain call.
        using var deadline = new CancellationTokenSource(_options.TotalTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var request = CreateRequest(endpoint, body, ttl, message);
            request.Options.Set(PushAttemptHandler.AttemptsKey, attempts);
            // Headers only: the body is read by hand, to a bound, and only when it is of use.
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var result = await ClassifyAsync(response, attempts.Value, linked.Token).ConfigureAwait(false);
            // Reading the detail gives up quietly on any time limit; the caller's own cancellation is theirs to see.
            cancellationToken.ThrowIfCancellationRequested();
            return Finish(result);
        }
        catch (Exception exception) when (PushResilience.IsRefusedAddress(exception))
        {
            return Finish(new PushResult(PushOutcome.Rejected, null, attempts.Value) { Detail = new PushAddressRefusedException().Message });
        }
        catch (Exception exception) when (IsTransientException(exception) && !cancellationToken.IsCancellationRequested)
        {
            return Finish(new PushResult(PushOutcome.TransientFailure, null, attempts.Value) { Detail = exception.GetType().Name });
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
            // 3xx included: redirects are not followed, a push service has no reason to send one.
            _ => PushOutcome.Rejected,
        };

        var detail = outcome == PushOutcome.Delivered ? null : await ReadDetailAsync(response, cancellationToken).ConfigureAwait(false);
        return new PushResult(outcome, status, attempts)
        {
            RetryAfter = outcome == PushOutcome.RateLimited ? PushResilience.RetryAfter(response, _timeProvider) : null,
            Detail = string.IsNullOrEmpty(detail) ? null : detail,
        };
    }

    // The start of the answer, for logs: at most MaxResponseBodyBytes are read, within DetailReadLimit
    // and the send's deadline (cancellationToken), whichever ends first.
    private async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(DetailReadLimit, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var buffer = new byte[MaxResponseBodyBytes];
        var read = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            int count;
            while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), linked.Token).ConfigureAwait(false)) > 0)
            {
                read += count;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // What arrived before the answer broke off or ran out of time is detail enough.
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > MaxDetailLength ? text[..MaxDetailLength] : text;
    }

    // OperationCanceledException here is a time limit; the caller's cancellation is told apart by
    // the token at the call site.
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
