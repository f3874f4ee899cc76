using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Auth;
using OO.Api.Http;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Integrations;

public static class IntegrationsApi
{
    /// <summary>
    /// Maps <c>GET /api/integrations</c>, <c>GET /api/integrations/{provider}/connect</c>,
    /// <c>GET /api/integrations/{provider}/callback</c> and <c>DELETE /api/integrations/{provider}</c>.
    /// </summary>
    public static RouteGroupBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrations").WithTags("Integrations");
        group.MapGet("/", List)
            .WithName("listIntegrations")
            .WithSummary("List sources")
            .WithDescription("The sources the person connected, then those they could connect.");
        group.MapGet("/{provider}/connect", Connect)
            .WithName("connectIntegration")
            .WithSummary("Connect a source")
            .WithDescription("Redirects to the provider's authorization page, with a single-use state bound to this session.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{provider}/callback", Callback)
            .WithName("completeIntegrationConnect")
            .WithSummary("Complete connecting a source")
            .WithDescription("The provider's OAuth redirect back: connects the source, then redirects to `/connect`.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{provider}", Disconnect)
            .WithName("disconnectIntegration")
            .WithSummary("Disconnect a source")
            .WithDescription("Revokes oO's access at the provider and stops syncing the source.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>The sources the user connected, then those they could connect.</summary>
    private static async Task<Ok<IntegrationBody[]>> List(HttpContext http, IGrainFactory grains)
    {
        var statuses = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).GetIntegrations();
        var connectable = await grains.GetGrain<ISourceCatalogGrain>(0).GetConnectable();
        var connected = statuses.Select(s => s.Provider).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(statuses.Select(IntegrationBody.From)
            .Concat(connectable.Where(o => !connected.Contains(o.Provider)).Select(IntegrationBody.Offered))
            .ToArray());
    }

    /// <summary>Sends the browser to the provider's authorization page, with a single-use state bound to this user.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Connect(string provider, HttpContext http, IGrainFactory grains)
    {
        if (!IsProviderName(provider)
            || await Integration(grains, http, provider).BeginAuthorization(CallbackUri(http, provider)) is not { } authorizeUrl)
        {
            return NotOffered(provider);
        }

        return TypedResults.Redirect(authorizeUrl);
    }

    /// <summary>The provider sends the browser back here; on success the source is connected and the browser goes to <c>/connect</c>.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Callback(
        string provider, string? code, string? state, string? error, HttpContext http, IGrainFactory grains)
    {
        if (!IsProviderName(provider))
        {
            return NotOffered(provider);
        }

        if (string.IsNullOrEmpty(state) || state.Length > 200)
        {
            return InvalidState();
        }

        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return TypedResults.Problem(
                error == "access_denied" ? "Access was not granted, so nothing was connected." : "The answer carried no authorization code, so nothing was connected.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not connected");
        }

        var outcome = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).CompleteConnect(provider, code, state, CallbackUri(http, provider));
        return outcome switch
        {
            AuthorizationOutcome.Granted => TypedResults.Redirect("/connect"),
            AuthorizationOutcome.InvalidState => InvalidState(),
            AuthorizationOutcome.Refused => TypedResults.Problem(
                "The app did not accept the authorization (it may have expired). Start connecting again.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not connected"),
            AuthorizationOutcome.Unavailable => TypedResults.Problem(
                "The app could not be reached. Try connecting again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not connected"),
            _ => NotOffered(provider),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disconnect(string provider, HttpContext http, IGrainFactory grains) =>
        IsProviderName(provider) && await grains.GetGrain<IUserGrain>(http.User.GetUserId()).Disconnect(provider)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"'{provider}' is not connected.", statusCode: StatusCodes.Status404NotFound, title: "Not connected");

    private static IIntegrationGrain Integration(IGrainFactory grains, HttpContext http, string provider) =>
        grains.GetIntegrationGrain(http.User.GetUserId(), provider);

    /// <summary>The absolute callback URL the provider must send the browser back to (register it in the provider's app console).</summary>
    private static string CallbackUri(HttpContext http, string provider) =>
        http.RequestServices.GetRequiredService<PublicOrigin>().Absolute(http.Request, $"/api/integrations/{provider}/callback");

    private static bool IsProviderName(string provider) =>
        provider.Length is > 0 and <= 32 && provider.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static ProblemHttpResult InvalidState() =>
        TypedResults.Problem(
            "This connection attempt is not valid any more (already used, expired, or started in another session). Start connecting again.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid state");

    private static ProblemHttpResult NotOffered(string provider) =>
        TypedResults.Problem($"'{provider}' cannot be connected on this server.", statusCode: StatusCodes.Status404NotFound, title: "Not offered");
}
