using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OO.Api.Auth;

/// <summary>
/// Apple takes no static client secret: each token request carries a short-lived ES256 JWT,
/// issued by the team, about the service id, signed with the team's Sign in with Apple key.
/// </summary>
public sealed class AppleClientSecret
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly AppleSignInOptions _options;
    private readonly ECDsaSecurityKey _key;
    private readonly TimeProvider _time;

    public AppleClientSecret(AppleSignInOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(options.PrivateKey.Replace("\\n", "\n", StringComparison.Ordinal));
        }
        catch (ArgumentException exception)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException(
                $"{AppleSignInOptions.Section}:PrivateKey is not a PEM private key (the contents of Apple's .p8 file).", exception);
        }

        _key = new ECDsaSecurityKey(ecdsa) { KeyId = options.KeyId };
    }

    public string Create()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.TeamId,
            Audience = _options.Authority.TrimEnd('/'),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = _options.ClientId },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
