using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OO.Api.Auth;
using OO.Grains.Interfaces.Events;

namespace OO.Api.Admin;

/// <summary><c>/api/admin/events</c>: the stored event log, its live tail as server-sent events, and replay.</summary>
public static class EventsApi
{
    /// <summary>A comment line this often keeps proxies from closing an idle stream.</summary>
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder admin)
    {
        var events = admin.MapGroup("/events");
        events.MapGet("/", Query)
            .WithName("getAdminEvents")
            .WithSummary("Read the event log")
            .WithDescription("Stored events, newest first. Filters: `subject` (a prefix such as `signals.`), `user`, `since`, `until` (ISO-8601), `limit` (1–1000, default 100).")
            .ProducesValidationProblem();
        events.MapGet("/stream", Stream)
            .WithName("streamAdminEvents")
            .WithSummary("Tail the event log")
            .WithDescription("Server-sent events (`text/event-stream`) as they are stored on any silo, oldest first, with the same filters and `after` (an event id to resume from). Each message has the event id as `id`, the subject as `event` and the event as JSON `data`; a comment every 15 s keeps the connection open.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem();
        events.MapPost("/{id:long}/replay", Replay)
            .WithName("replayAdminEvent")
            .WithSummary("Replay an event")
            .WithDescription("Delivers a stored `signals.task.synced` or `signals.tip.feedback` event again to its grain, idempotently (what was applied is not applied twice). Audit-logged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return events;
    }

    private static async Task<Results<Ok<IReadOnlyList<EventView>>, ValidationProblem>> Query(
        string? subject, string? user, string? since, string? until, string? limit, IEventLog log, CancellationToken cancellationToken)
    {
        if (EventQuery.Parse(subject, user, since, until, limit, after: null, out var errors) is not { } filter)
        {
            return TypedResults.ValidationProblem(errors);
        }

        IReadOnlyList<EventView> views = (await log.QueryAsync(filter, cancellationToken)).Select(EventView.Of).ToList();
        return TypedResults.Ok(views);
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> Stream(
        string? subject, string? user, string? since, string? until, string? after, HttpContext http, IEventLog log,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (EventQuery.Parse(subject, user, since, until, limit: null, after, out var errors) is not { } filter)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var aborted = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        // Tells buffering proxies (nginx) to pass each event on at once.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var gate = new SemaphoreSlim(1, 1);
        await Write(http.Response, ": tailing\n\n", gate, aborted);
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var pings = KeepAlive(http.Response, gate, keepAlive.Token);
        try
        {
            await foreach (var e in log.TailAsync(filter, aborted))
            {
                var data = JsonSerializer.Serialize(EventView.Of(e), json.Value.SerializerOptions);
                await Write(http.Response, $"id: {e.Id}\nevent: {e.Subject}\ndata: {data}\n\n", gate, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the tail ends with it.
        }
        finally
        {
            await keepAlive.CancelAsync();
            await pings;
        }

        return TypedResults.Empty;
    }

    private static async Task KeepAlive(HttpResponse response, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(KeepAliveEvery);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await Write(response, ": keep-alive\n\n", gate, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task Write(HttpResponse response, string text, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> Replay(long id, HttpContext http, IEventLog log, CancellationToken cancellationToken)
    {
        var result = await log.ReplayAsync(id, http.User.GetUserId(), cancellationToken);
        return result.Status == ReplayStatus.NotFound
            ? TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown event")
            : TypedResults.Ok(result);
    }
}
