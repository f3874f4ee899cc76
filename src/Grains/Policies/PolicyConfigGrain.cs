using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Learning;
using OO.Grains.Learning;
using OO.Learning.Policies;

namespace OO.Grains.Policies;

/// <summary>
/// The cluster-wide serving and shadow policies. Answers the configured default until the first change; every
/// change is persisted, audited (forced ones as <c>policies.force</c>) and applied at once on this silo.
/// </summary>
public sealed class PolicyConfigGrain(
    [PersistentState("policies", StorageNames.Default)] IPersistentState<PolicyConfigState> state,
    IOptions<LearningOptions> options,
    ServingPolicies serving,
    IAnalyticsSink analytics,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time) : Grain, IPolicyConfigGrain
{
    /// <summary>The audit row's target for policy changes.</summary>
    public const string AuditTarget = "policies";

    Task<PolicyConfig> IPolicyConfigGrain.Get() => Task.FromResult(Current());

    async Task<PolicyConfig?> IPolicyConfigGrain.Set(PolicyChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var unknown = change.Shadows.Prepend(change.Active).Where(name => !PolicyFactory.Names.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown policies: {string.Join(", ", unknown)}.", nameof(change));
        }

        if (change.ExpectedRevision != Current().Revision)
        {
            return null;
        }

        var stored = state.State;
        var before = (stored.Active, stored.Shadows, stored.Revision, stored.ChangedAt, stored.ChangedBy);
        stored.Active = change.Active;
        stored.Shadows = [.. change.Shadows.Distinct(StringComparer.Ordinal)];
        stored.Revision++;
        stored.ChangedAt = time.GetUtcNow();
        stored.ChangedBy = change.Actor;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not in force: no silo may read it back from this activation.
            (stored.Active, stored.Shadows, stored.Revision, stored.ChangedAt, stored.ChangedBy) = before;
            throw;
        }

        var config = Current();
        await analytics.AuditAsync(
            new AuditRecord(
                config.ChangedAt!.Value,
                change.Actor,
                change.Forced ? "policies.force" : "policies.set",
                AuditTarget,
                $"active {config.Active}, shadows [{string.Join(", ", config.Shadows)}]; {change.Evidence}"),
            CancellationToken.None);
        serving.Apply(config);
        return config;
    }

    private PolicyConfig Current() =>
        state.RecordExists
            ? new PolicyConfig(state.State.Active, [.. state.State.Shadows], state.State.Revision, state.State.ChangedAt, state.State.ChangedBy)
            : ServingPolicies.Default(options.Value);
}
