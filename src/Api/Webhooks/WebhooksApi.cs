using Microsoft.AspNetCore.Http.Features;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Users;
using OO.Todoist.Webhooks;

namespace OO.Api.Webhooks;

/// <summary>Webhooks from providers. Anonymous: each delivery proves itself with the provider's signature.</summary>
public static class WebhooksApi
{
    private const string Todoist = "todoist";

    /// <summary>Todoist allows 1 MiB per delivery.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps <c>POST /api/webhooks/todoist</c>.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").AllowAnonymous();
        group.MapPost("/todoist", ReceiveTodoist)
            .WithName("receiveTodoistWebhook")
            .WithSummary("Receive a Todoist webhook")
            .WithDescription("The body is Todoist's event JSON (at most 1 MiB), signed in the `X-Todoist-Hmac-SHA256` header with the app's client secret.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    /// <summary>
    /// Verifies the signature over the raw body, handles each signed body once, and answers 200 at once:
    /// <c>item:completed</c> becomes a delayed reward for a shown tip, and every event schedules a sync.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveTodoist(
        HttpContext http, TodoistWebhookVerifier verifier, IGrainFactory grains)
    {
        // Todoist's deliveries may be larger than the API's general body limit; this endpoint reads its own bound.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var body = await ReadBody(http.Request);
        if (body is null)
        {
            return TypedResults.Problem("A delivery is at most 1 MiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        if (!verifier.IsValid(body, http.Request.Headers[TodoistWebhookVerifier.SignatureHeader]))
        {
            return TypedResults.Problem("The delivery's signature does not match.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (!TodoistWebhookParser.TryParse(body, http.Request.Headers[TodoistWebhookVerifier.DeliveryIdHeader], out var delivery))
        {
            return TypedResults.Problem("The delivery is not a Todoist webhook event.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        // An account nobody here connected (any more): acknowledge, so Todoist does not retry.
        if (await grains.GetGrain<ISourceAccountGrain>($"{Todoist}:{delivery.UserId}").GetUserId() is not { } userId)
        {
            return TypedResults.Ok();
        }

        // Keyed on what the signature covers: Todoist's retries repeat the body, and a replayed body cannot
        // pass as new by changing the unsigned X-Todoist-Delivery-ID header.
        var fresh = await grains.GetIntegrationGrain(userId, Todoist).AcceptWebhook(DeliveryKey(body), delivery.EventName);
        if (fresh && delivery.EventName == TodoistWebhookEventNames.ItemCompleted && delivery.TaskId is { } taskId)
        {
            await grains.GetGrain<IUserGrain>(userId).CompletedInSource(Todoist, taskId);
        }

        return TypedResults.Ok();
    }

    private static string DeliveryKey(byte[] signedBody) => Convert.ToHexString(SHA256.HashData(signedBody), 0, 16);

    /// <summary>The raw bytes as received (the signature covers exactly these); null when over the limit.</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
