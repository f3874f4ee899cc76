namespace OO.Api.Http;

/// <summary>Where people reach oO (key <c>OO:PublicBaseUrl</c>).</summary>
public sealed class PublicOriginOptions
{
    public const string Section = "OO";

    /// <summary>
    /// The absolute URL people open oO at, e.g. <c>https://oo.example.com</c>: every redirect URI
    /// given to a provider is built from it, and only its host is accepted in the Host header.
    /// Required in Production (https); plain http only on a loopback host. Default: none, outside
    /// Production the request's own address is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
