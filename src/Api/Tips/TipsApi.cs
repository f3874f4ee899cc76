using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Api.Auth;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Tips;

public static class TipsApi
{
    /// <summary>
    /// On a 204 from <c>GET /api/tip</c>, why there is no tip: <c>syncing</c> (a connected source has not
    /// delivered its tasks yet), <c>all-done</c> (nothing left to suggest now) or <c>no-source</c>.
    /// </summary>
    public const string StateHeader = "OO-Tip-State";

    /// <summary>How long a tip request waits for a newly connected source's first tasks.</summary>
    public static readonly TimeSpan FirstSyncWait = TimeSpan.FromSeconds(3);

    private const long MaxDwellMs = 7L * 24 * 60 * 60 * 1000;

    /// <summary>Maps <c>GET /api/tip</c> and <c>POST /api/tips/{tipId}/feedback</c>.</summary>
    public static RouteGroupBuilder MapTipsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Tips");
        group.MapGet("/tip", GetTip)
            .WithName("getTip")
            .WithSummary("Get the current tip")
            .WithDescription("The same tip until it is reacted to or expires; 204 when there is nothing to suggest.");
        group.MapPost("/tips/{tipId}/feedback", React)
            .WithName("reactToTip")
            .WithSummary("React to a tip")
            .WithDescription("One reaction per tip; the reward it earns teaches the bandit. `dwellMs` is how long the tip was visible. Sending the same reaction again answers as the first time; a different one is a conflict.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>The current tip; or 204 with <see cref="StateHeader"/> naming why there is none.</summary>
    private static async Task<Results<Ok<TipResponse>, NoContent>> GetTip(HttpContext http, IGrainFactory grains)
    {
        var user = grains.GetGrain<IUserGrain>(http.User.GetUserId());
        if (await user.GetTip() is { } tip)
        {
            return TypedResults.Ok(TipResponse.From(tip));
        }

        // A source connected a moment ago has not delivered its tasks yet: wait for them (bounded), so the
        // first visit shows the first tip rather than an empty page.
        var state = await user.AwaitTipState(FirstSyncWait);
        if (state == TipState.Ready && await user.GetTip() is { } first)
        {
            return TypedResults.Ok(TipResponse.From(first));
        }

        http.Response.Headers[StateHeader] = StateName(state == TipState.Ready ? TipState.AllDone : state);
        return TypedResults.NoContent();
    }

    /// <summary>The header value of a <see cref="TipState"/>.</summary>
    public static string StateName(TipState state) => state switch
    {
        TipState.Syncing => "syncing",
        TipState.NoSource => "no-source",
        TipState.Ready => "ready",
        _ => "all-done",
    };

    private static async Task<Results<Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> React(
        string tipId, FeedbackRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Enum.TryParse<Reaction>(request.Reaction, ignoreCase: true, out var reaction)
            || !Enum.IsDefined(reaction) || int.TryParse(request.Reaction, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reaction"] = ["Say how you reacted: done, snooze or dismiss."],
            });
        }

        if (request.DwellMs is < 0 or > MaxDwellMs)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["dwellMs"] = ["dwellMs is the time the tip was visible, in milliseconds: between 0 and one week."],
            });
        }

        var user = grains.GetGrain<IUserGrain>(http.User.GetUserId());
        var outcome = await user.React(tipId, reaction, request.DwellMs);
        if (outcome is { Status: FeedbackStatus.AlreadyReacted, Previous: { } previous } && previous == reaction)
        {
            // The same reaction again (a client retrying a lost answer, or the API retrying a call whose silo
            // died after the grain recorded it): answered as the first one was, not as a conflict.
            outcome = outcome with { Status = FeedbackStatus.Recorded };
        }

        return outcome.Status switch
        {
            FeedbackStatus.Recorded => TypedResults.Ok(new FeedbackResponse(tipId, reaction.ToString().ToLowerInvariant(), outcome.Reward ?? 0)),
            FeedbackStatus.AlreadyReacted => TypedResults.Problem(
                "This tip already has a reaction; a tip takes one.", statusCode: StatusCodes.Status409Conflict, title: "Already reacted"),
            _ => TypedResults.Problem(
                "No tip with this id was shown to you.", statusCode: StatusCodes.Status404NotFound, title: "Unknown tip"),
        };
    }
}
