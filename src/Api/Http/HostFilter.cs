using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OO.Api.Http;

/// <summary>
/// Answers only requests addressed to oO's own name: the host of <c>OO:PublicBaseUrl</c>, plus
/// loopback names outside Production. Anything else (a Host an attacker chose, to poison a link or
/// to pass as local) gets 400. Probes and the metrics scrape are exempt: orchestrators address a
/// pod by its IP, and the scrape carries its own token.
/// </summary>
public static class HostFilter
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public static IApplicationBuilder UseOOHostFilter(this IApplicationBuilder app)
    {
        var origin = app.ApplicationServices.GetRequiredService<PublicOrigin>();
        var production = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsProduction();
        HashSet<string> allowed = new(StringComparer.OrdinalIgnoreCase);
        if (origin.BaseUrl is { } baseUrl)
        {
            allowed.Add(baseUrl.IdnHost);
        }

        if (!production)
        {
            allowed.UnionWith(LoopbackNames);
        }

        return app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            var exempt = path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
            if (exempt || allowed.Contains(http.Request.Host.Host))
            {
                await next(http);
                return;
            }

            await Results.Problem(
                "This server does not answer to that host name.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown host").ExecuteAsync(http);
        });
    }
}
