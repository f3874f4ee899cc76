using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OO.GoogleCalendar.Http;

namespace OO.GoogleCalendar.OAuth;

/// <summary>
/// Google OAuth for the read-only calendar scope with offline access: the authorize URL, the code exchange,
/// refresh and revocation, at the endpoints of the authority's discovery document (read once, then kept).
/// </summary>
public sealed class GoogleOAuthClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<GoogleCalendarOptions> options, TimeProvider time)
{
    private GoogleEndpoints? _endpoints;
    private string? _endpointsAuthority;

    /// <summary>The endpoints from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public async Task<GoogleEndpoints> GetEndpointsAsync(CancellationToken cancellationToken)
    {
        var authority = RequireConfigured().Authority.TrimEnd('/');
        if (_endpoints is { } known && _endpointsAuthority == authority)
        {
            return known;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{authority}/.well-known/openid-configuration");
        using var client = httpClientFactory.CreateClient(GoogleHttp.ClientName);
        using var response = await GoogleHttp.SendAsync(client, request, "read the discovery document", time, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, "The discovery document is not JSON.", innerException: e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, "The discovery document is not a JSON object.");
            }

            var endpoints = new GoogleEndpoints(
                Endpoint(document.RootElement, "authorization_endpoint"),
                Endpoint(document.RootElement, "token_endpoint"),
                Endpoint(document.RootElement, "revocation_endpoint"));
            (_endpoints, _endpointsAuthority) = (endpoints, authority);
            return endpoints;
        }
    }

    /// <summary>
    /// The authorize URL: offline access (a refresh token), incremental authorization (a person signed in with
    /// Google adds the calendar to what they granted), and consent asked so Google sends the refresh token.
    /// </summary>
    public async Task<Uri> BuildAuthorizeUrlAsync(string state, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var query = new StringBuilder()
            .Append("response_type=code")
            .Append("&client_id=").Append(Uri.EscapeDataString(options.CurrentValue.ClientId!))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.AbsoluteUri))
            .Append("&scope=").Append(Uri.EscapeDataString(GoogleCalendarOptions.Scope))
            .Append("&access_type=offline&include_granted_scopes=true&prompt=consent")
            .Append("&state=").Append(Uri.EscapeDataString(state));
        var separator = endpoints.Authorization.Query.Length > 0 ? '&' : '?';
        return new Uri($"{endpoints.Authorization.AbsoluteUri}{separator}{query}");
    }

    /// <summary>Trades an authorization code for tokens.</summary>
    public Task<GoogleTokenSet> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return RequestTokensAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.AbsoluteUri)],
            previousRefreshToken: null, "exchange an authorization code", repeatable: false, cancellationToken);
    }

    /// <summary>Trades the refresh token for a new access token; the refresh token is kept when Google sends none.</summary>
    public Task<GoogleTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return RequestTokensAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)],
            refreshToken, "refresh a token", repeatable: true, cancellationToken);
    }

    /// <summary>Gives the grant back (revoking the refresh token ends the access token too).</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.Revocation)
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
        };
        request.Options.Set(GoogleHttp.Idempotent, true);
        using var client = httpClientFactory.CreateClient(GoogleHttp.ClientName);
        using var response = await GoogleHttp.SendAsync(client, request, "revoke a grant", time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GoogleTokenSet> RequestTokensAsync(
        List<KeyValuePair<string, string>> form, string? previousRefreshToken, string operation, bool repeatable, CancellationToken cancellationToken)
    {
        var configured = RequireConfigured();
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        form.Add(new("client_id", configured.ClientId!));
        form.Add(new("client_secret", configured.ClientSecret!));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.Token) { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(GoogleHttp.Idempotent, repeatable);
        using var client = httpClientFactory.CreateClient(GoogleHttp.ClientName);
        using var response = await GoogleHttp.SendAsync(client, request, operation, time, cancellationToken, badRequestMeansUnauthorized: true).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ParseTokens(body, previousRefreshToken, time.GetUtcNow(), operation);
    }

    internal static GoogleTokenSet ParseTokens(byte[] body, string? previousRefreshToken, DateTimeOffset now, string operation)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || access.GetString() is not { Length: > 0 } accessToken)
            {
                throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, $"Google's answer to {operation} carried no access token.");
            }

            var refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } given
                ? given
                : previousRefreshToken;
            DateTimeOffset? expiresAt = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var seconds) && seconds > 0
                ? now.AddSeconds(seconds)
                : null;
            return new GoogleTokenSet(accessToken, refresh, expiresAt);
        }
        catch (JsonException)
        {
            throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, $"Google's answer to {operation} was not JSON.");
        }
    }

    /// <summary>
    /// One endpoint of the discovery document. Codes, tokens and the client secret go there, so only over https;
    /// plain http only to a loopback host (a stand-in on this machine).
    /// </summary>
    private static Uri Endpoint(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri))
        {
            throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, string.Create(CultureInfo.InvariantCulture, $"The discovery document names no {name}."));
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? uri
            : throw new GoogleCalendarException(
                GoogleCalendarFault.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"The discovery document's {name} is not an https address; oO sends no codes or tokens there."));
    }

    private GoogleCalendarOptions RequireConfigured()
    {
        var current = options.CurrentValue;
        return current.IsConfigured
            ? current
            : throw new InvalidOperationException($"Google Calendar is not configured: set {GoogleCalendarOptions.GoogleSectionName}:ClientId and ClientSecret.");
    }
}
