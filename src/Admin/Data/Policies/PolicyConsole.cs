using Microsoft.Extensions.Configuration;
using OO.Api.Admin;
using OO.Grains.Interfaces.Learning;
using OO.Learning.Policies;

namespace OO.Admin.Data.Policies;

/// <summary>
/// The policies page's reads and writes, through the same services as <c>/api/admin/policies</c>: the cluster's
/// policy configuration grain (which audits each change) and <see cref="PolicyEvidence"/> over the explainability log.
/// </summary>
public sealed class PolicyConsole(IGrainFactory grains, IExplainabilityLog log, IConfiguration configuration)
{
    // The silo's LearningOptions.Policy, so the estimates use the serving tuning (as the policies API does).
    private const string TuningSection = "OO:Learning:Policy";

    public static IReadOnlyList<string> Known => PolicyFactory.Names;

    public async Task<PoliciesResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var config = await Config().Get();
        var dataset = await log.ReadRecentAsync(PolicyEvidence.RecentDecisions, cancellationToken);
        var estimates = PolicyEvidence.Estimate(dataset, Tuning());
        return new PoliciesResponse(
            config.Active, config.Shadows, config.Revision, config.ChangedAt, config.ChangedBy, dataset.Events.Count, dataset.Skipped, estimates);
    }

    /// <summary>
    /// Serves <paramref name="active"/> with <paramref name="shadows"/>. Returns a sentence saying why nothing
    /// changed (an unknown policy, too little evidence to promote without <paramref name="force"/>, a concurrent
    /// change), or null when the change was made.
    /// </summary>
    public async Task<string?> ApplyAsync(string active, IReadOnlyList<string> shadows, bool force, string actor, CancellationToken cancellationToken)
    {
        if (!Known.Contains(active) || shadows.Any(s => !Known.Contains(s)))
        {
            return $"Choose policies among {string.Join(", ", Known)}.";
        }

        var current = await Config().Get();
        var dataset = await log.ReadRecentAsync(PolicyEvidence.RecentDecisions, cancellationToken);
        var estimates = PolicyEvidence.Estimate(dataset, Tuning());
        var refusal = active == current.Active ? null : PolicyEvidence.Refusal(estimates, current.Active, active);
        if (refusal is not null && !force)
        {
            return refusal;
        }

        var change = new PolicyChange(
            active, shadows.Distinct().Where(s => s != active).ToList(), current.Revision, actor, Forced: refusal is not null,
            PolicyEvidence.Describe(estimates, current.Active, active));
        return await Config().Set(change) is null ? "Another administrator changed the policies meanwhile; look again and retry." : null;
    }

    private PolicyOptions Tuning() => configuration.GetSection(TuningSection).Get<PolicyOptions>() ?? new PolicyOptions();

    private IPolicyConfigGrain Config() => grains.GetGrain<IPolicyConfigGrain>(IPolicyConfigGrain.Key);
}
