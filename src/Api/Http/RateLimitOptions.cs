namespace OO.Api.Http;

/// <summary>Request limits (section <c>OO:RateLimits</c>). A limit of 0 turns that limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "OO:RateLimits";

    /// <summary>Sign-in requests (<c>/auth/*</c>) per client IP address per window. Default: 60.</summary>
    public int SignInPermitLimit { get; set; } = 60;

    /// <summary>API requests (<c>/api/*</c>) per signed-in user (or per IP address when signed out) per window. Default: 600.</summary>
    public int ApiPermitLimit { get; set; } = 600;

    /// <summary>The length of one window. Default: one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
