namespace OO.Api.Auth;

/// <summary>
/// Sign in with Apple (section <c>OO:Auth:Apple</c>); offered only when all of the service id,
/// team id, key id and private key are set.
/// </summary>
public sealed class AppleSignInOptions
{
    public const string Section = "OO:Auth:Apple";

    /// <summary>The OpenID Connect issuer. Default: https://appleid.apple.com.</summary>
    public string Authority { get; set; } = "https://appleid.apple.com";

    /// <summary>The Services ID that identifies oO to Apple. Default: none.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The Apple developer team id. Default: none.</summary>
    public string TeamId { get; set; } = "";

    /// <summary>The id of the Sign in with Apple key. Default: none.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The key's PKCS#8 PEM (the contents of the .p8 file). Default: none.</summary>
    public string PrivateKey { get; set; } = "";

    public bool IsConfigured =>
        ClientId.Length > 0 && TeamId.Length > 0 && KeyId.Length > 0 && PrivateKey.Length > 0;
}
