using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Todoist.Http;

namespace OO.Todoist.OAuth;

internal sealed class TodoistOAuthClient : ITodoistOAuthClient
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<TodoistOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TodoistOAuthClient> _logger;

    public TodoistOAuthClient(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<TodoistOptions> options,
        TimeProvider time,
        ILogger<TodoistOAuthClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public Uri BuildAuthorizeUrl(string state, Uri? redirectUri = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        var options = RequireConfigured();
        var query = new StringBuilder()
            .Append("client_id=").Append(Uri.EscapeDataString(options.ClientId!))
            .Append("&scope=").Append(Uri.EscapeDataString(options.Scopes))
            .Append("&state=").Append(Uri.EscapeDataString(state));
        if (redirectUri is not null)
        {
            query.Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.AbsoluteUri));
        }

        return new Uri($"{options.AuthBaseUrl.TrimEnd('/')}/authorize?{query}");
    }

    public async Task<TodoistTokenSet> ExchangeCodeAsync(string code, Uri? redirectUri = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var options = RequireConfigured();
        var form = new List<KeyValuePair<string, string>>
        {
            new("client_id", options.ClientId!),
            new("client_secret", options.ClientSecret ?? string.Empty),
            new("code", code),
        };
        if (redirectUri is not null)
        {
            form.Add(new("redirect_uri", redirectUri.AbsoluteUri));
        }

        var tokens = await RequestTokensAsync(options, form, "exchange an authorization code", cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Todoist authorization code exchanged; refresh token {HasRefreshToken}, expires {ExpiresAt}.", tokens.CanRefresh, tokens.ExpiresAt);
        return tokens;
    }

    public async Task<TodoistTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var options = RequireConfigured();
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("client_id", options.ClientId!),
            new("client_secret", options.ClientSecret ?? string.Empty),
            new("refresh_token", refreshToken),
        };

        var tokens = await RequestTokensAsync(options, form, "refresh a token", cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Todoist token refreshed; expires {ExpiresAt}.", tokens.ExpiresAt);
        return tokens;
    }

    public async Task RevokeAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var options = RequireConfigured();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.ApiBaseUrl.TrimEnd('/')}/revoke")
        {
            Content = new FormUrlEncodedContent(
            [
                new("token", accessToken),
                new("token_type_hint", "access_token"),
            ]),
        };

        // RFC 6749 section 2.3.1: both halves are form-encoded before they are joined.
        var credentials = $"{Uri.EscapeDataString(options.ClientId!)}:{Uri.EscapeDataString(options.ClientSecret ?? string.Empty)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        // RFC 7009 makes revoking an unknown or revoked token a success, so a repeat is harmless.
        request.Options.Set(TodoistHttp.Idempotent, true);

        using var client = _httpClientFactory.CreateClient(TodoistHttp.OAuthClientName);
        using var response = await TodoistHttp.SendAsync(client, request, "revoke a token", _time, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Todoist token revoked.");
    }

    private async Task<TodoistTokenSet> RequestTokensAsync(
        TodoistOptions options,
        List<KeyValuePair<string, string>> form,
        string operation,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.AuthBaseUrl.TrimEnd('/')}/access_token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var client = _httpClientFactory.CreateClient(TodoistHttp.OAuthClientName);
        using var response = await TodoistHttp.SendAsync(client, request, operation, _time, cancellationToken, badRequestMeansUnauthorized: true)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ParseTokens(body, _time.GetUtcNow(), operation);
    }

    internal static TodoistTokenSet ParseTokens(byte[] body, DateTimeOffset now, string operation)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var access)
                || access.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(access.GetString()))
            {
                throw new TodoistUnavailableException($"Todoist's answer to {operation} carried no access token.", 200);
            }

            string? refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            DateTimeOffset? expiresAt = null;
            if (root.TryGetProperty("expires_in", out var e))
            {
                if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var seconds) && seconds > 0)
                {
                    expiresAt = now.AddSeconds(seconds);
                }
                else if (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var text) && text > 0)
                {
                    expiresAt = now.AddSeconds(text);
                }
            }

            return new TodoistTokenSet(access.GetString()!, string.IsNullOrEmpty(refresh) ? null : refresh, expiresAt);
        }
        catch (JsonException)
        {
            // The inner exception is left out on purpose: its message could quote the body.
            throw new TodoistUnavailableException($"Todoist's answer to {operation} was not JSON.", 200);
        }
    }

    private TodoistOptions RequireConfigured()
    {
        var options = _options.CurrentValue;
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException($"Todoist is not configured: set {TodoistOptions.SectionName}:ClientId and ClientSecret.");
        }

        return options;
    }
}
