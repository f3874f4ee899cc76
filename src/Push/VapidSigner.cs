using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// Produces the RFC 8292 <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c> value for a push
/// endpoint. Tokens are ES256 JWTs whose <c>aud</c> is the endpoint's origin; one is cached per
/// origin and reused until it comes near its expiry, because signing on every push is waste and
/// push services accept a token many times. The cache is bounded (<see cref="MaxCachedAudiences"/>):
/// endpoints come from users, so their origins must not grow it without limit.
/// </summary>
public sealed class VapidSigner
{
    /// <summary>A token is renewed once less than this share of its lifetime remains.</summary>
    private const double RenewWhenRemaining = 0.25;

    /// <summary>
    /// Origins whose token is kept. Real push services are a handful of origins; beyond this the
    /// token closest to renewal is dropped and signed again when next needed.
    /// </summary>
    public const int MaxCachedAudiences = 64;

    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ES256"}"""u8);

    private readonly VapidKeys _keys;
    private readonly string _subject;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

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
        lock (_lock)
        {
            if (!_tokens.TryGetValue(audience, out var cached) || cached.RenewAfter <= now)
            {
                cached = Sign(audience, now);
                MakeRoom(now);
                _tokens[audience] = cached;
            }

            return $"vapid t={cached.Token}, k={_keys.PublicKey}";
        }
    }

    /// <summary>How many tokens are cached now.</summary>
    internal int CachedCount
    {
        get
        {
            lock (_lock)
            {
                return _tokens.Count;
            }
        }
    }

    // Drops tokens due for renewal, then the one closest to renewal while the cache is full.
    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var stale in _tokens.Where(t => t.Value.RenewAfter <= now).Select(t => t.Key).ToList())
        {
            _tokens.Remove(stale);
        }

        while (_tokens.Count >= MaxCachedAudiences)
        {
            _tokens.Remove(_tokens.MinBy(t => t.Value.RenewAfter).Key);
        }
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
        var signingInput = $"{EncodedHeader}.{Base64Url.EncodeToString(claims)}";
        using var key = _keys.CreateSigningKey();
        // JWS wants r||s (IEEE P1363), not the DER the BCL would otherwise produce.
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var token = $"{signingInput}.{Base64Url.EncodeToString(signature)}";
        return new CachedToken(token, expires - (_lifetime * RenewWhenRemaining));
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAfter);
}
