using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OO.Api.Http;

/// <summary>
/// Where oO meets the network: the public address, which reverse proxies are believed, the host
/// filter, HSTS, the request body limit, and unreadable requests answered as the caller's error.
/// </summary>
public static class HttpEdge
{
    public static IServiceCollection AddOOHttpEdge(this IServiceCollection services)
    {
        services.AddOptions<PublicOriginOptions>().BindConfiguration(PublicOriginOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicOriginOptions>, PublicOriginValidation>();
        services.AddSingleton<PublicOrigin>();

        services.AddOptions<HttpEdgeOptions>().BindConfiguration(HttpEdgeOptions.Section)
            .Validate(o => o.MaxRequestBodySize > 0, "OO__Http__MaxRequestBodySize must be a positive number of bytes.")
            .Validate(o => o.HstsMaxAge >= TimeSpan.Zero, "OO__Http__HstsMaxAge must not be negative.")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "OO__Http__KnownProxies must list IP addresses, such as 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "OO__Http__KnownNetworks must list networks in CIDR notation, such as 10.0.0.0/8.")
            .ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpEdgeOptions>>((forwarded, edge) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every known proxy of a chain (CDN, then ingress) and stop at the first address that is not one.
            forwarded.ForwardLimit = null;
            // The defaults trust loopback; a proxy is believed only when configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable CS0618, ASPDEPR005 // The obsolete list is still consulted, and trusts 127.0.0.0/8 by default.
            forwarded.KnownNetworks.Clear();
#pragma warning restore CS0618, ASPDEPR005
            foreach (var proxy in edge.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in edge.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpEdgeOptions>>(
            (kestrel, edge) => kestrel.Limits.MaxRequestBodySize = edge.Value.MaxRequestBodySize);
        services.AddOptions<HstsOptions>().Configure<IOptions<HttpEdgeOptions>>((hsts, edge) => hsts.MaxAge = edge.Value.HstsMaxAge);

        // One wording for unreadable requests in every environment, instead of Development's 500.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        // A status set without a body (Kestrel's 413 read inside a minimal API, a 415) still gets a sentence.
        services.AddOptions<ProblemDetailsOptions>().Configure<IOptions<HttpEdgeOptions>>((problems, edge) =>
        {
            var previous = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                // A validation problem names its fields instead.
                if (context.ProblemDetails is not HttpValidationProblemDetails)
                {
                    context.ProblemDetails.Detail ??= BadRequestSentences.For(context.ProblemDetails.Status, edge.Value.MaxRequestBodySize);
                }
            };
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then only oO's own host names.</summary>
    public static IApplicationBuilder UseOOHttpEdge(this IApplicationBuilder app)
    {
        // With both lists empty the middleware would believe every peer, so without a configured proxy it is not used at all.
        var edge = app.ApplicationServices.GetRequiredService<IOptions<HttpEdgeOptions>>().Value;
        if (edge.KnownProxies.Count > 0 || edge.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseOOHostFilter();
        return app;
    }

    /// <summary>Outside Development, browsers are told to use only HTTPS (never for loopback hosts, which HSTS excludes).</summary>
    public static IApplicationBuilder UseOOHsts(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    private sealed class PublicOriginValidation(IHostEnvironment environment) : IValidateOptions<PublicOriginOptions>
    {
        public ValidateOptionsResult Validate(string? name, PublicOriginOptions options) =>
            PublicOrigin.Problem(options.PublicBaseUrl, environment.IsProduction()) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
