using System.Net;
using Polly.Timeout;

namespace OO.GoogleCalendar.Http;

/// <summary>Sends one request through the resilient client and turns every failure into a <see cref="GoogleCalendarException"/>.</summary>
internal static class GoogleHttp
{
    /// <summary>The named client for discovery, tokens, revocation and the Calendar API.</summary>
    public const string ClientName = "OO.GoogleCalendar";

    /// <summary>Marks a non-GET request as safe to repeat (token refresh, revocation).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("OO.GoogleCalendar.Idempotent");

    public static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || (request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent));

    /// <param name="operation">Words for messages ("list events"); never a URL, which may carry a token.</param>
    /// <param name="badRequestMeansUnauthorized">The token endpoint answers 400 (invalid_grant) to a code or refresh token it no longer honours.</param>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage request, string operation, TimeProvider time, CancellationToken cancellationToken, bool badRequestMeansUnauthorized = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException or HttpRequestException)
        {
            throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, $"Google could not be reached to {operation}.", innerException: e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new GoogleCalendarException(GoogleCalendarFault.Unauthorized, $"Google refused the access to {operation}.", status),
                HttpStatusCode.BadRequest when badRequestMeansUnauthorized => new GoogleCalendarException(GoogleCalendarFault.Unauthorized, $"Google refused the grant to {operation}.", status),
                HttpStatusCode.Gone => new GoogleCalendarException(GoogleCalendarFault.SyncTokenExpired, $"Google asked for a full sync to {operation}.", status),
                HttpStatusCode.TooManyRequests => new GoogleCalendarException(GoogleCalendarFault.RateLimited, $"Google asked oO to slow down to {operation}.", status, RetryAfter(response, time)),
                // Google reports its per-user quotas as 403 with a rate-limit reason; other 403s are refusals.
                HttpStatusCode.Forbidden when body.Contains("ateLimitExceeded", StringComparison.Ordinal) =>
                    new GoogleCalendarException(GoogleCalendarFault.RateLimited, $"Google asked oO to slow down to {operation}.", status, RetryAfter(response, time)),
                _ when status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout =>
                    new GoogleCalendarException(GoogleCalendarFault.Unavailable, $"Google failed to {operation} ({status}).", status),
                _ => new GoogleCalendarException(GoogleCalendarFault.Rejected, $"Google refused to {operation} ({status}).", status),
            };
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > time.GetUtcNow() => date - time.GetUtcNow(),
        _ => null,
    };
}
