using System.Net;
using System.Security.Cryptography;

namespace OO.Push;

/// <summary>
/// Checks that a subscription can actually be pushed to, so a bad one is refused with a 400
/// when it is registered rather than failing silently at 3 a.m.
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

    /// <summary>Validates every field and reports all problems at once.</summary>
    public static PushSubscriptionValidation Validate(PushSubscription? subscription)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (subscription is null)
        {
            errors[EndpointField] = ["The subscription is missing."];
            return new PushSubscriptionValidation(errors);
        }

        if (EndpointError(subscription.Endpoint) is { } endpointError)
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

    private static string? EndpointError(string? endpoint)
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

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        // Plain http is only for a push service on this machine (tests, development): anything
        // else would send the VAPID token and the ciphertext metadata in the clear.
        if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))
        {
            return null;
        }

        return "The endpoint must be an https URL.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string? P256dhError(string? p256dh)
    {
        if (string.IsNullOrEmpty(p256dh))
        {
            return "The p256dh key is missing.";
        }

        if (!Base64UrlText.TryDecode(p256dh, out var bytes))
        {
            return "The p256dh key is not base64url.";
        }

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

        if (!Base64UrlText.TryDecode(auth, out var bytes))
        {
            return "The auth secret is not base64url.";
        }

        return bytes.Length == WebPushEncryptor.AuthSecretLength
            ? null
            : $"The auth secret must be {WebPushEncryptor.AuthSecretLength} bytes; it is {bytes.Length} bytes.";
    }
}
