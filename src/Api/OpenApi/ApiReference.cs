using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OO.Api.Auth;
using Scalar.AspNetCore;

namespace OO.Api.OpenApi;

/// <summary>
/// The interactive API reference (Scalar) over the OpenAPI document, served from the package's own
/// files. Open to anyone in Development; elsewhere administrators only: the API's one client is
/// oO's own web page, so the reference serves the people who run oO, and its page needs a looser
/// style policy and a large third-party bundle that strangers have no reason to reach.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    public static IEndpointRouteBuilder MapOOApiReference(this IEndpointRouteBuilder app)
    {
        var reference = app.MapScalarApiReference(Path, options => options
            .WithTitle("oO API")
            .WithOpenApiRoutePattern(OpenApiExtensions.DocumentPath)
            // Nothing from a CDN or a vendor's service: fonts, telemetry, AI chat and MCP all phone out.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
        if (!app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            reference.RequireAuthorization(OOClaims.AdminPolicy);
        }

        return app;
    }
}
