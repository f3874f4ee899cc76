namespace OO.Api.Http;

/// <summary>How oO meets the network in front of it (section <c>OO:Http</c>).</summary>
public sealed class HttpEdgeOptions
{
    public const string Section = "OO:Http";

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed.
    /// Default: none (forwarded headers are ignored, the peer address is the client).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of reverse proxies whose forwarded headers are believed. Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// The largest request body accepted, in bytes; larger ones are answered 413. oO's JSON bodies are
    /// a few hundred bytes, so this stays far below Kestrel's 30 MB. Default: 65536 (64 KiB).
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>How long browsers remember to use only HTTPS (HSTS, outside Development). Default: 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
