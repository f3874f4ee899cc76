using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OO.Api.Http;

/// <summary>
/// The Orleans dashboard's routes take silo addresses and grain names from the path and fail deep
/// inside a grain when one does not parse. Those are the caller's mistakes: a malformed silo address
/// is answered 400 before the dashboard sees it, and any parse failure the dashboard itself meets is
/// answered 400 too, instead of a 500.
/// </summary>
public static class DashboardInputFilter
{
    public static TBuilder WithOODashboardInputChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (SiloAddressArgument(http) is { } argument)
            {
                if (ParseSiloAddress(argument) is not { } address)
                {
                    return NotASiloAddress();
                }

                // A well-formed address of no running silo would leave the dashboard waiting on a silo that is not there.
                var hosts = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                if (!hosts.ContainsKey(address))
                {
                    return TypedResults.Problem(
                        "No running silo of this cluster has that address.", statusCode: StatusCodes.Status404NotFound, title: "No such silo");
                }
            }

            try
            {
                return await next(context);
            }
            catch (Exception error) when (!http.Response.HasStarted && IsParseFailure(error))
            {
                return NotASiloAddress();
            }
        });

    /// <summary>The silo address a route takes (<c>/SiloStats/{*address}</c>, <c>/HistoricalStats/{*path}</c>, …), or null.</summary>
    private static string? SiloAddressArgument(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        if (pattern.EndsWith("{*address}", StringComparison.Ordinal))
        {
            return http.GetRouteValue("address")?.ToString() ?? "";
        }

        return pattern.Contains("HistoricalStats", StringComparison.Ordinal) ? http.GetRouteValue("path")?.ToString() ?? "" : null;
    }

    private static SiloAddress? ParseSiloAddress(string value)
    {
        if (value.Length is 0 or > 200)
        {
            return null;
        }

        try
        {
            return SiloAddress.FromParsableString(value);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static bool IsParseFailure(Exception? error) =>
        error switch
        {
            null => false,
            FormatException or ArgumentException or OverflowException => true,
            _ => IsParseFailure(error.InnerException),
        };

    private static IResult NotASiloAddress() =>
        TypedResults.Problem(
            "That is not the address of a silo in this cluster (expected the form 10.0.0.5:11111@123456789).",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Not a silo address");
}
