using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Api.Auth;
using OO.Grains.Interfaces.Admin;
using OO.Learning.Policies;

namespace OO.Api.Admin;

public static class AdminApi
{
    private static readonly IReadOnlyList<string> Policies = PolicyFactory.Names;

    /// <summary>
    /// Maps <c>/api/admin/users/{id}/…</c>, <c>/api/admin/policies</c> and <c>/api/admin/ai</c>; the caller adds the admin policy to the
    /// returned group. Every write is audit-logged, naming the acting admin by user id: an email may be empty
    /// (Apple) or change.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin");
        admin.MapPoliciesApi();
        admin.MapAiApi();
        admin.MapEventsApi();
        var group = admin.MapGroup("/users/{id}");
        group.MapGet("/", GetUser)
            .WithName("getAdminUser")
            .WithSummary("Get a user")
            .WithDescription("Identity, integrations, stats, policies, push counters and recent tips with scores.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/profile", GetProfile)
            .WithName("getAdminUserProfile")
            .WithSummary("Get a user's profile")
            .WithDescription("Profile features with value, age, TTL and freshness.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/profile/rebuild", RebuildProfile)
            .WithName("rebuildAdminUserProfile")
            .WithSummary("Rebuild a user's profile")
            .WithDescription("Recomputes the user's profile features. Audit-logged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/reset-bandit", ResetBandit)
            .WithName("resetAdminUserBandit")
            .WithSummary("Reset a user's bandit")
            .WithDescription("Forgets what the bandit learned about this user. Audit-logged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/policy", SetPolicy)
            .WithName("setAdminUserPolicy")
            .WithSummary("Set a user's policy")
            .WithDescription("Serves this user with another policy (`null` for the cluster-wide active policy). Audit-logged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Results<Ok<UserAdminView>, ProblemHttpResult>> GetUser(string id, IGrainFactory grains) =>
        await grains.GetGrain<IUserAdmin>(id).GetAdminView() is { } view ? TypedResults.Ok(view) : NoSuchUser(id);

    private static async Task<Results<Ok<IReadOnlyList<ProfileFeatureView>>, ProblemHttpResult>> GetProfile(string id, IGrainFactory grains) =>
        await grains.GetGrain<IUserAdmin>(id).GetProfile() is { } profile ? TypedResults.Ok(profile) : NoSuchUser(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> RebuildProfile(string id, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IUserAdmin>(id).RebuildProfile(http.User.GetUserId()) ? TypedResults.NoContent() : NoSuchUser(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetBandit(string id, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IUserAdmin>(id).ResetBandit(http.User.GetUserId()) ? TypedResults.NoContent() : NoSuchUser(id);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPolicy(
        string id, PolicyBody body, HttpContext http, IGrainFactory grains)
    {
        if (body.Policy is { } policy && !Policies.Contains(policy))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["policy"] = [$"Choose one of {string.Join(", ", Policies)}, or null for the default."],
            });
        }

        return await grains.GetGrain<IUserAdmin>(id).SetPolicy(body.Policy, http.User.GetUserId()) ? TypedResults.NoContent() : NoSuchUser(id);
    }

    private static ProblemHttpResult NoSuchUser(string id) =>
        TypedResults.Problem($"There is no user '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown user");
}
