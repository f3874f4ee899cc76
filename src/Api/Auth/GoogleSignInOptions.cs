namespace OO.Api.Auth;

/// <summary>Sign in with Google (section <c>OO:Auth:Google</c>); offered only when the client id and secret are set.</summary>
public sealed class GoogleSignInOptions
{
    public const string Section = "OO:Auth:Google";

    /// <summary>The OpenID Connect issuer. Default: https://accounts.google.com.</summary>
    public string Authority { get; set; } = "https://accounts.google.com";

    /// <summary>The OAuth client id from the Google Cloud console. Default: none (Google is not offered).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The OAuth client secret. Default: none (Google is not offered).</summary>
    public string ClientSecret { get; set; } = "";

    public bool IsConfigured => ClientId.Length > 0 && ClientSecret.Length > 0;
}
