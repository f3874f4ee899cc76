using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OO.Api.OpenApi;

namespace OO.Api.Http;

/// <summary>
/// Headers that make every response harder to misuse: scripts only from oO's own files (so an
/// injected string can never run), no framing (no click-jacking of the reactions or of account
/// deletion), no referrer leaking page paths, no content sniffing, and no powerful browser features.
/// </summary>
public static partial class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    // The Orleans dashboard sets inline style attributes in its markup; its scripts stay file-only.
    private const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar) styles its components at run time and starts from one inline module
    // script: that script is allowed by its hash, on the reference's own page only; every other
    // script comes from the package's files on this origin, never a CDN.
    private const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The operators' console (src/Admin) is the default policy with one change: Blazor needs <base href="/"> to
    // resolve its script's and its circuit's addresses, so a base on this origin is allowed there, and only there.
    private const string AdminContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly object InlineScriptHashesKey = new();

    public static IApplicationBuilder UseOOSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            // Written as the response starts, so error pages (whose handler clears headers) carry them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(http);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });

            if (IsApiReferencePage(http.Request.Path))
            {
                await HashInlineScriptsAsync(http, next);
                return;
            }

            await next(http);
        });

    private static string PolicyFor(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/dashboard"))
        {
            return DashboardContentSecurityPolicy;
        }

        if (path.StartsWithSegments("/admin"))
        {
            return AdminContentSecurityPolicy;
        }

        if (path.StartsWithSegments(ApiReference.Path))
        {
            var hashes = http.Items[InlineScriptHashesKey] as IReadOnlyList<string> ?? [];
            return string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                ApiReferenceContentSecurityPolicy,
                string.Concat(hashes.Select(hash => $" 'sha256-{hash}'")));
        }

        return ContentSecurityPolicy;
    }

    // Only the reference's HTML page is buffered (a few hundred bytes), never its script bundle.
    private static bool IsApiReferencePage(PathString path) =>
        path.StartsWithSegments(ApiReference.Path, out var rest) && (!rest.HasValue || rest.Value == "/");

    /// <summary>Buffers the page, hashes each inline script for the policy, then sends the page unchanged.</summary>
    private static async Task HashInlineScriptsAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            http.Items[InlineScriptHashesKey] = InlineScript().Matches(html)
                .Select(match => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value))))
                .ToList();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
