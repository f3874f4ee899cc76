namespace OO.Silo.Hosting;

/// <summary>The Prometheus scrape (section <c>OO:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "OO:Metrics";

    /// <summary>
    /// The bearer token a scraper sends (<c>Authorization: Bearer …</c>) to read <c>/metrics</c>; at
    /// least 16 characters. Default: none, and then <c>/metrics</c> answers 404 (metrics are not public).
    /// </summary>
    public string Token { get; set; } = "";
}
