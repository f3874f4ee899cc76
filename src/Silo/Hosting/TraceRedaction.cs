using System.Diagnostics;
using OpenTelemetry;

namespace OO.Silo.Hosting;

/// <summary>
/// Keeps capabilities out of exported spans: a push endpoint's path is the device's secret, a
/// provider URL's path and query can carry ids and codes, and an OAuth callback's query carries the
/// authorization code. Outgoing calls keep only their origin; incoming requests lose their query
/// (the route template stays in <c>http.route</c>).
/// </summary>
internal sealed class TraceRedaction : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null);
            }
        }

        if (data.GetTagItem("url.query") is not null)
        {
            data.SetTag("url.query", null);
        }
    }
}
