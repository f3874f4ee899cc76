using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace OO.Api.Http;

/// <summary>
/// The address oO is reached at. Behind a reverse proxy the request's own scheme and Host are the
/// proxy's (or an attacker's), so redirect URIs and the cookie's Secure flag come from
/// <see cref="PublicOriginOptions.PublicBaseUrl"/> when it is set.
/// </summary>
public sealed class PublicOrigin(IOptions<PublicOriginOptions> options)
{
    /// <summary>The configured base URL without a trailing slash, or null when none is configured.</summary>
    public Uri? BaseUrl { get; } = Parse(options.Value.PublicBaseUrl);

    /// <summary>The absolute URL of <paramref name="path"/> (starting with <c>/</c>) on this site.</summary>
    public string Absolute(HttpRequest request, string path) =>
        BaseUrl is { } baseUrl
            ? $"{baseUrl.GetLeftPart(UriPartial.Authority)}{baseUrl.AbsolutePath.TrimEnd('/')}{path}"
            : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    /// <summary>Cookies are Secure unless people reach oO over plain HTTP on this machine (how people develop).</summary>
    public bool SecureCookies(HttpRequest request) =>
        BaseUrl is { } baseUrl
            ? baseUrl.Scheme == Uri.UriSchemeHttps || !Loopback.IsLoopbackHost(baseUrl.Host)
            : !Loopback.IsLoopbackHost(request.Host.Host);

    /// <summary>A sentence naming what is wrong with <paramref name="value"/>, or null when it is valid.</summary>
    public static string? Problem(string? value, bool production)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return production
                ? "OO__PublicBaseUrl is required in Production: the https address people open oO at, for example https://oo.example.com."
                : null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"OO__PublicBaseUrl must be an absolute https URL such as https://oo.example.com, not '{value}'.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && (production || !Loopback.IsLoopbackHost(uri.Host)))
        {
            return $"OO__PublicBaseUrl must use https (plain http only for a loopback host outside Production), not '{value}'.";
        }

        return null;
    }

    private static Uri? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value.TrimEnd('/'), UriKind.Absolute);
}
