using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using OO.Api.Auth;
using OO.Grains.Interfaces.Learning;
using OO.Learning.Evaluation;
using OO.Learning.Policies;

namespace OO.Api.Admin;

/// <summary>
/// <c>/api/admin/policies</c>: which policy serves and which shadow it, cluster-wide, with offline estimates of every
/// known policy from the recent log; promotion needs evidence (see <see cref="PolicyEvidence"/>) unless forced.
/// </summary>
public static class PoliciesApi
{
    /// <summary>Where the policies' tuning is configured (the silo's <c>LearningOptions.Policy</c>), so estimates use the same.</summary>
    private const string TuningSection = "OO:Learning:Policy";

    /// <summary>Maps the endpoints under <paramref name="admin"/>, whose caller adds the admin policy.</summary>
    public static RouteGroupBuilder MapPoliciesApi(this IEndpointRouteBuilder admin)
    {
        var group = admin.MapGroup("/policies");
        group.MapGet("/", GetPolicies)
            .WithName("getAdminPolicies")
            .WithSummary("Get the serving and shadow policies")
            .WithDescription("The cluster-wide active and shadow policies and, for every known policy, replay, IPS and SNIPS estimates of its mean reward with 95% intervals from the recent log.");
        group.MapPut("/", SetPolicies)
            .WithName("setAdminPolicies")
            .WithSummary("Change the serving and shadow policies")
            .WithDescription("Promotes a policy and/or sets the shadows for the whole cluster. Refused with 409 when the candidate's SNIPS lower bound is below the active policy's estimate, unless `force` is true. Audit-logged (forced promotions as such).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Ok<PoliciesResponse>> GetPolicies(
        IGrainFactory grains, IExplainabilityLog log, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var config = await Config(grains).Get();
        var (dataset, estimates) = await EvidenceAsync(log, configuration, cancellationToken);
        return TypedResults.Ok(Response(config, dataset, estimates));
    }

    private static async Task<Results<Ok<PoliciesResponse>, ValidationProblem, ProblemHttpResult>> SetPolicies(
        PoliciesBody body, HttpContext http, IGrainFactory grains, IExplainabilityLog log, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Invalid(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await Config(grains).Get();
        var active = body.Active ?? current.Active;
        var (dataset, estimates) = await EvidenceAsync(log, configuration, cancellationToken);
        var refusal = active == current.Active ? null : PolicyEvidence.Refusal(estimates, current.Active, active);
        if (refusal is not null && !body.Force)
        {
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Not enough evidence to promote");
        }

        var change = new PolicyChange(
            active,
            body.Shadows ?? current.Shadows,
            current.Revision,
            http.User.GetUserId(),
            Forced: refusal is not null,
            PolicyEvidence.Describe(estimates, current.Active, active));
        if (await Config(grains).Set(change) is not { } changed)
        {
            return TypedResults.Problem(
                "Another administrator changed the policies meanwhile; read them again and retry.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The policies changed");
        }

        return TypedResults.Ok(Response(changed, dataset, estimates));
    }

    private static Dictionary<string, string[]>? Invalid(PoliciesBody body)
    {
        var known = string.Join(", ", PolicyFactory.Names);
        var errors = new Dictionary<string, string[]>();
        if (body.Active is null && body.Shadows is null)
        {
            errors["active"] = ["Name the policy to serve (active), the ones to shadow it (shadows), or both."];
        }

        if (body.Active is { } active && !PolicyFactory.Names.Contains(active))
        {
            errors["active"] = [$"'{active}' is not a policy; choose one of {known}."];
        }

        if (body.Shadows is { } shadows && shadows.Any(name => name is null || !PolicyFactory.Names.Contains(name)))
        {
            errors["shadows"] = [$"Every shadow must be one of {known}."];
        }

        return errors.Count > 0 ? errors : null;
    }

    private static async Task<(LoggedDataset Dataset, IReadOnlyList<PolicyEstimateView> Estimates)> EvidenceAsync(
        IExplainabilityLog log, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var dataset = await log.ReadRecentAsync(PolicyEvidence.RecentDecisions, cancellationToken);
        var tuning = configuration.GetSection(TuningSection).Get<PolicyOptions>() ?? new PolicyOptions();
        return (dataset, PolicyEvidence.Estimate(dataset, tuning));
    }

    private static PoliciesResponse Response(PolicyConfig config, LoggedDataset dataset, IReadOnlyList<PolicyEstimateView> estimates) =>
        new(config.Active, config.Shadows, config.Revision, config.ChangedAt, config.ChangedBy, dataset.Events.Count, dataset.Skipped, estimates);

    private static IPolicyConfigGrain Config(IGrainFactory grains) => grains.GetGrain<IPolicyConfigGrain>(IPolicyConfigGrain.Key);
}
