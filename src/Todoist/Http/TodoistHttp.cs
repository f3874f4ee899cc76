using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.Timeout;

namespace OO.Todoist.Http;

/// <summary>
/// Sends one request through a resilient client and turns every failure into a typed
/// <see cref="TodoistException"/>, so callers never see raw HTTP or Polly exceptions.
/// </summary>
internal static class TodoistHttp
{
    /// <summary>Named client for the OAuth endpoints and revocation.</summary>
    public const string OAuthClientName = "OO.Todoist.OAuth";

    /// <summary>Named client for the REST API v1.</summary>
    public const string ApiClientName = "OO.Todoist.Api";

    /// <summary>
    /// Marks a non-GET request as safe to repeat. GETs are always retried; anything else only
    /// with this mark, because a repeated POST may do its work twice.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("OO.Todoist.Idempotent");

    public static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || (request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent));

    /// <summary>
    /// Sends <paramref name="request"/>; returns the response only when it succeeded.
    /// </summary>
    /// <param name="operation">Words for messages ("list tasks"); never a URL, which could carry a value worth hiding.</param>
    /// <param name="badRequestMeansUnauthorized">
    /// The token endpoint answers 400 to a code or refresh token it no longer honours; for it that
    /// means "connect again", not "fix the request".
    /// </param>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string operation,
        TimeProvider time,
        CancellationToken cancellationToken,
        bool badRequestMeansUnauthorized = false)
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
        catch (TimeoutRejectedException e)
        {
            throw new TodoistUnavailableException($"Todoist did not answer to {operation} in time.", null, e);
        }
        catch (OperationCanceledException e)
        {
            throw new TodoistUnavailableException($"Todoist did not answer to {operation} in time.", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new TodoistUnavailableException($"Todoist could not be reached to {operation}.", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, operation, time, badRequestMeansUnauthorized, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<TodoistException> ToExceptionAsync(
        HttpResponseMessage response,
        string operation,
        TimeProvider time,
        bool badRequestMeansUnauthorized,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
            case HttpStatusCode.Forbidden:
                return new TodoistUnauthorizedException(
                    $"Todoist refused to {operation} ({status}): the account has to be connected again.",
                    status,
                    await ReadOAuthErrorAsync(response, cancellationToken).ConfigureAwait(false));
            case HttpStatusCode.TooManyRequests:
                var retryAfter = ReadRetryAfter(response.Headers.RetryAfter, time);
                return new TodoistRateLimitedException(
                    $"Todoist rate-limited the request to {operation}; retry after {retryAfter?.ToString() ?? "an unknown time"}.",
                    retryAfter);
            case HttpStatusCode.BadRequest when badRequestMeansUnauthorized:
                var error = await ReadOAuthErrorAsync(response, cancellationToken).ConfigureAwait(false);
                return new TodoistUnauthorizedException(
                    $"Todoist refused the grant to {operation} ({error ?? "400"}): the account has to be connected again.",
                    status,
                    error);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return new TodoistUnavailableException($"Todoist failed to {operation} ({status}).", status);
        }

        return new TodoistRequestException($"Todoist refused to {operation} ({status}).", status);
    }

    /// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date; a past date means "now".</summary>
    internal static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Reads the OAuth <c>error</c> code, and only it: descriptions are free text that could echo
    /// what was sent. Anything that is not a short code is dropped.
    /// </summary>
    private static async Task<string?> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0 || body.Length > 64 * 1024)
            {
                return null;
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString() is { Length: > 0 and <= 64 } code
                && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return code;
            }
        }
        catch (JsonException)
        {
            // Not JSON: there is no code to report, and the status still says what happened.
        }

        return null;
    }
}
