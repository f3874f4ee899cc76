using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OO.Api.Auth;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;
using OO.Push;

namespace OO.Api.Push;

public static class PushApi
{
    /// <summary>
    /// Maps <c>/api/push/…</c>: the VAPID public key, adding and removing this user's devices, a test
    /// notification, and the "opened" signal of a pushed tip. The caller adds authorization.
    /// </summary>
    public static RouteGroupBuilder MapPushApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/push").WithTags("Push");
        group.MapGet("/vapid-public-key", GetPublicKey)
            .WithName("getVapidPublicKey")
            .WithSummary("Get the VAPID public key");
        group.MapPost("/subscriptions", Subscribe)
            .WithName("subscribePush")
            .WithSummary("Subscribe a push device")
            .WithDescription("Stores this browser's push subscription; the same endpoint again replaces its keys.");
        group.MapDelete("/subscriptions", Unsubscribe)
            .WithName("unsubscribePush")
            .WithSummary("Unsubscribe a push device");
        group.MapPost("/test", SendTest)
            .WithName("sendTestPush")
            .WithSummary("Send a test notification")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/opened", Opened)
            .WithName("reportPushOpened")
            .WithSummary("Report a notification opened")
            .WithDescription("Sent by the service worker when a pushed tip's notification is opened.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Ok<VapidPublicKeyResponse> GetPublicKey(VapidKeys keys) => TypedResults.Ok(new VapidPublicKeyResponse(keys.PublicKey));

    /// <summary>Stores a device after checking it can be pushed to; the same endpoint again replaces its keys.</summary>
    private static async Task<Results<Ok<PushSubscriptionsResponse>, ValidationProblem>> Subscribe(
        PushSubscriptionBody body, HttpContext http, IGrainFactory grains, IOptions<PushOptions> options)
    {
        var subscription = new PushSubscription(body.Endpoint ?? "", body.Keys?.P256dh ?? "", body.Keys?.Auth ?? "");
        var validation = PushSubscriptionValidator.Validate(subscription, options.Value.AllowLoopbackEndpoints);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors.ToDictionary(e => FieldName(e.Key), e => e.Value));
        }

        var devices = await grains.GetGrain<IUserGrain>(http.User.GetUserId())
            .AddPushSubscription(new PushSubscriptionData(subscription.Endpoint, subscription.P256dh, subscription.Auth));
        return TypedResults.Ok(new PushSubscriptionsResponse(devices));
    }

    /// <summary>
    /// Removes the device named by <c>{endpoint}</c>; without a body, every device of the user.
    /// Idempotent: removing a device that is not there is not an error.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem>> Unsubscribe(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PushEndpointBody? body, HttpContext http, IGrainFactory grains)
    {
        if (body is not null && string.IsNullOrWhiteSpace(body.Endpoint))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["endpoint"] = ["Name the device by its endpoint, or send no body to remove every device."],
            });
        }

        await grains.GetGrain<IUserGrain>(http.User.GetUserId()).RemovePushSubscriptions(body?.Endpoint);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Sends a test notification to every device now, through the same sender as tips, and says per
    /// device whether it arrived. Coarse on purpose: status codes and attempt counts would turn this
    /// into a probe of whatever an endpoint points at. At most one per cooldown.
    /// </summary>
    private static async Task<Results<Ok<PushTestResponse>, ProblemHttpResult>> SendTest(HttpContext http, IGrainFactory grains)
    {
        var request = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).CreateTestPush();
        if (request.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"A test notification was sent a moment ago. You can send the next one in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many test notifications");
        }

        if (request.Dispatch is not { } dispatch)
        {
            return TypedResults.Problem(
                "No device of yours is subscribed to notifications. Turn notifications on in Settings first.",
                statusCode: StatusCodes.Status409Conflict, title: "No device subscribed");
        }

        var report = await grains.GetGrain<IPushDispatcherGrain>(0).Send(dispatch);
        var devices = report.Devices
            .Select(d => new PushTestDevice(PushEndpointKey.DeviceId(d.Endpoint), Coarse(d.Outcome)))
            .ToList();
        var outcome = devices.Any(d => d.Outcome == PushTestOutcomes.Delivered) ? PushTestOutcomes.Delivered
            : devices.Count > 0 && devices.All(d => d.Outcome == PushTestOutcomes.Removed) ? PushTestOutcomes.Removed
            : PushTestOutcomes.Failed;
        return TypedResults.Ok(new PushTestResponse(outcome, devices));
    }

    private static string Coarse(string outcome) => outcome switch
    {
        nameof(PushOutcome.Delivered) => PushTestOutcomes.Delivered,
        nameof(PushOutcome.Gone) => PushTestOutcomes.Removed,
        _ => PushTestOutcomes.Failed,
    };

    /// <summary>The service worker reports that a pushed tip's notification was opened.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Opened(
        PushOpenedBody body, HttpContext http, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.TipId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tipId"] = ["Name the tip whose notification was opened."] });
        }

        return await grains.GetGrain<IUserGrain>(http.User.GetUserId()).PushOpened(body.TipId)
            ? TypedResults.NoContent()
            : TypedResults.Problem("No notification carried this tip.", statusCode: StatusCodes.Status404NotFound, title: "Unknown pushed tip");
    }

    // The JSON path of each field, as the body nests the keys.
    private static string FieldName(string field) => field switch
    {
        PushSubscriptionValidator.P256dhField => "keys.p256dh",
        PushSubscriptionValidator.AuthField => "keys.auth",
        _ => field,
    };
}
