using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// Produces the RFC 8292 <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c> value for a push
/// endpoint. Tokens are ES256 JWTs whose <c>aud</c> is the endpoint's origin; one is cached per
/// origin and reused until it comes near its expiry, because signing on every push is waste and
/// push services accept a token many times.
/// </summary>
public sealed class VapidSigner
{
    /// <summary>A token is renewed once less than this share of its lifetime remains.</summary>
    private const double RenewWhenRemaining = 0.25;

    private static readonly string EncodedHeader = Base64UrlText.Encode("""{"typ":"JWT","alg":"ES256"}"""u8);

    private readonly VapidKeys _keys;
    private readonly string _subject;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>Creates a signer from the key pair and the options' subject and token lifetime.</summary>
    public VapidSigner(VapidKeys keys, IOptions<PushOptions> options, TimeProvider timeProvider)
    {
        _keys = keys;
        _subject = options.Value.Subject;
        _lifetime = options.Value.TokenLifetime;
        _timeProvider = timeProvider;
        if (_lifetime <= TimeSpan.Zero || _lifetime > TimeSpan.FromHours(24))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _lifetime, "The VAPID token lifetime must be more than zero and at most 24 hours (RFC 8292).");
        }
    }

    /// <summary>The <c>Authorization</c> header value for a request to <paramref name="endpoint"/>.</summary>
    public string CreateAuthorization(Uri endpoint)
    {
        var audience = Audience(endpoint);
        var now = _timeProvider.GetUtcNow();
        var cached = _tokens.AddOrUpdate(
            audience,
            (aud, state) => state.Signer.Sign(aud, state.Now),
            (aud, existing, state) => existing.RenewAfter > state.Now ? existing : state.Signer.Sign(aud, state.Now),
            (Signer: this, Now: now));
        return $"vapid t={cached.Token}, k={_keys.PublicKey}";
    }

    /// <summary>
    /// The origin of a URL as RFC 6454 serialises it: scheme://host, plus :port only when it is
    /// not the scheme's default.
    /// </summary>
    public static string Audience(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant();

    private CachedToken Sign(string audience, DateTimeOffset now)
    {
        var expires = now + _lifetime;
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["sub"] = _subject,
        });
        var signingInput = $"{EncodedHeader}.{Base64UrlText.Encode(claims)}";
        using var key = _keys.CreateSigningKey();
        // JWS wants r||s (IEEE P1363), not the DER the BCL would otherwise produce.
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var token = $"{signingInput}.{Base64UrlText.Encode(signature)}";
        return new CachedToken(token, expires - (_lifetime * RenewWhenRemaining));
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAfter);
}
