using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;

namespace OO.Push;

/// <summary>
/// Checks that a subscription can actually be pushed to, so a bad one is refused with a 400
/// when it is registered rather than failing silently at 3 a.m. The endpoint must be an https URL
/// on port 443 of a public host: an IP literal must be public (<see cref="PushAddressPolicy"/>) and
/// local names (<c>localhost</c>, single labels, <c>.local</c>, <c>.internal</c>) are refused. Names
/// are resolved only when connecting, where <see cref="PushEndpointGuard"/> checks every address.
/// </summary>
public static class PushSubscriptionValidator
{
    /// <summary>The field name used for the endpoint in <see cref="PushSubscriptionValidation.Errors"/>.</summary>
    public const string EndpointField = "endpoint";

    /// <summary>The field name used for the p256dh key.</summary>
    public const string P256dhField = "p256dh";

    /// <summary>The field name used for the auth secret.</summary>
    public const string AuthField = "auth";

    private const int MaxEndpointLength = 2048;

    // Names that only mean something inside a network (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal).
    private static readonly string[] LocalSuffixes = [".local", ".internal", ".home.arpa", ".localdomain", ".lan"];

    /// <summary>Validates every field and reports all problems at once.</summary>
    /// <param name="subscription">What the browser sent.</param>
    /// <param name="allowLoopbackEndpoints">
    /// The testing switch <see cref="PushOptions.AllowLoopbackEndpoints"/>: accept endpoints on this
    /// machine's loopback, over http too and on any port.
    /// </param>
    public static PushSubscriptionValidation Validate(PushSubscription? subscription, bool allowLoopbackEndpoints = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (subscription is null)
        {
            errors[EndpointField] = ["The subscription is missing."];
            return new PushSubscriptionValidation(errors);
        }

        if (EndpointError(subscription.Endpoint, allowLoopbackEndpoints) is { } endpointError)
        {
            errors[EndpointField] = [endpointError];
        }

        if (P256dhError(subscription.P256dh) is { } keyError)
        {
            errors[P256dhField] = [keyError];
        }

        if (AuthError(subscription.Auth) is { } authError)
        {
            errors[AuthField] = [authError];
        }

        return new PushSubscriptionValidation(errors);
    }

    private static string? EndpointError(string? endpoint, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return "The endpoint is missing.";
        }

        if (endpoint.Length > MaxEndpointLength)
        {
            return $"The endpoint is longer than {MaxEndpointLength} characters.";
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "The endpoint must be an absolute URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "The endpoint must be an https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The endpoint must not carry a user name or password.";
        }

        // Loopback stand-ins (tests) may use http and any port, and only with the testing switch on.
        var host = uri.DnsSafeHost.TrimEnd('.');
        if (allowLoopback && IsLoopbackHost(host))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "The endpoint must be an https URL.";
        }

        if (HostError(host) is { } hostError)
        {
            return hostError;
        }

        // Push services listen on 443; any other port would let the server probe arbitrary services.
        return uri.Port == 443 ? null : "The endpoint must use the standard https port (443).";
    }

    private static string? HostError(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return PushAddressPolicy.IsPublic(address)
                ? null
                : "The endpoint's address is loopback, private, link-local or otherwise not public; push services are on the public internet.";
        }

        return IsLoopbackHost(host) || !host.Contains('.', StringComparison.Ordinal) || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            ? "The endpoint's host is a local name; push services are on the public internet."
            : null;
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && PushAddressPolicy.IsLoopback(address));

    private static string? P256dhError(string? p256dh)
    {
        if (string.IsNullOrEmpty(p256dh))
        {
            return "The p256dh key is missing.";
        }

        if (!Base64Url.IsValid(p256dh))
        {
            return "The p256dh key is not base64url.";
        }

        var bytes = Base64Url.DecodeFromChars(p256dh);

        if (bytes.Length != P256.PublicKeyLength || bytes[0] != 0x04)
        {
            return $"The p256dh key must be a {P256.PublicKeyLength}-byte uncompressed P-256 public key; it is {bytes.Length} bytes.";
        }

        try
        {
            using var key = P256.ImportPublicKey(bytes);
            return null;
        }
        catch (CryptographicException)
        {
            return "The p256dh key is not a point on the P-256 curve.";
        }
    }

    private static string? AuthError(string? auth)
    {
        if (string.IsNullOrEmpty(auth))
        {
            return "The auth secret is missing.";
        }

        if (!Base64Url.IsValid(auth))
        {
            return "The auth secret is not base64url.";
        }

        var bytes = Base64Url.DecodeFromChars(auth);

        return bytes.Length == WebPushEncryptor.AuthSecretLength
            ? null
            : $"The auth secret must be {WebPushEncryptor.AuthSecretLength} bytes; it is {bytes.Length} bytes.";
    }
}
