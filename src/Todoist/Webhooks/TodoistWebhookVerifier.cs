using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OO.Todoist.Webhooks;

/// <summary>
/// Checks that a webhook delivery came from Todoist: <c>X-Todoist-Hmac-SHA256</c> must be the
/// base64 HMAC-SHA256 of the raw body bytes, keyed with the app's client secret.
/// </summary>
public sealed class TodoistWebhookVerifier
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "X-Todoist-Hmac-SHA256";

    /// <summary>The header carrying the delivery id, repeated when Todoist retries a delivery.</summary>
    public const string DeliveryIdHeader = "X-Todoist-Delivery-ID";

    private readonly IOptionsMonitor<TodoistOptions> _options;

    public TodoistWebhookVerifier(IOptionsMonitor<TodoistOptions> options)
    {
        _options = options;
    }

    /// <summary>
    /// True only when <paramref name="signature"/> is the signature of exactly these bytes.
    /// Verify the bytes as received, before any parsing or re-encoding; with no client secret
    /// configured nothing verifies.
    /// </summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? signature)
    {
        var secret = _options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature.Trim(), presented, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        // Constant time, so the comparison leaks nothing about how close a forgery came.
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
