using OO.Grains.Analytics;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Users;
using OO.Learning.Features;

namespace OO.Grains.Users;

/// <summary>What administrators see and change; every write is audit-logged.</summary>
public sealed partial class UserGrain
{
    Task<UserAdminView?> IUserAdmin.GetAdminView() =>
        !Exists
            ? Task.FromResult<UserAdminView?>(null)
            : AdminView();

    Task<IReadOnlyList<ProfileFeatureView>?> IUserAdmin.GetProfile()
    {
        if (!Exists)
        {
            return Task.FromResult<IReadOnlyList<ProfileFeatureView>?>(null);
        }

        var now = time.GetUtcNow();
        var profile = learning.State.Profile;
        var stored = new Dictionary<string, ProfileFeatureValue>
        {
            ["completion_rate"] = profile.CompletionRate,
            ["snooze_rate"] = profile.SnoozeRate,
            ["dismiss_rate"] = profile.DismissRate,
            ["mean_dwell_done"] = profile.MeanDwellSeconds,
            ["active_hour_sin"] = profile.ActiveHourSin,
            ["active_hour_cos"] = profile.ActiveHourCos,
        };
        IReadOnlyList<ProfileFeatureView> views = FeatureRegistry.Definitions.Concat(FeatureRegistry.ProfileStatistics)
            .Select(d => stored.TryGetValue(d.Name, out var value)
                ? new ProfileFeatureView(
                    d.Name, d.Description, d.Scope.ToString().ToLowerInvariant(), d.Ttl, value.Value, value.ComputedAt,
                    now - value.ComputedAt, !FeatureRegistry.IsStale(value, now))
                : new ProfileFeatureView(d.Name, d.Description, d.Scope.ToString().ToLowerInvariant(), d.Ttl, null, null, null, Fresh: true))
            .ToList();
        return Task.FromResult<IReadOnlyList<ProfileFeatureView>?>(views);
    }

    async Task<bool> IUserAdmin.RebuildProfile(string actor)
    {
        if (!Exists)
        {
            return false;
        }

        RebuildProfile(time.GetUtcNow());
        await learning.WriteStateAsync();
        await Audit(actor, "profile.rebuild", $"from {learning.State.Profile.ReactionCount} reactions");
        return true;
    }

    async Task<bool> IUserAdmin.ResetBandit(string actor)
    {
        if (!Exists)
        {
            return false;
        }

        var updates = learning.State.Model?.Updates ?? 0;
        learning.State.Model = null;
        chooser.ModelFor(learning.State);
        await learning.WriteStateAsync();
        await Audit(actor, "bandit.reset", $"forgot {updates} updates");
        return true;
    }

    async Task<bool> IUserAdmin.SetPolicy(string? policy, string actor)
    {
        if (!Exists)
        {
            return false;
        }

        learning.State.PolicyOverride = policy;
        await learning.WriteStateAsync();
        await Audit(actor, "policy.set", policy ?? $"default ({chooser.DefaultPolicy})");
        return true;
    }

    private async Task<UserAdminView?> AdminView()
    {
        IReadOnlyList<IntegrationStatus> integrations = await ((IUserGrain)this).GetIntegrations();
        var recent = State.Served.AsEnumerable().Reverse()
            .Select(s => new ServedTipView(
                s.Tip.TipId, s.Tip.Content, s.Tip.Source, s.Tip.ServedAt, s.Tip.Policy, s.Tip.Propensity, s.Score,
                s.Reaction is { } r ? Name(r) : s.CompletedInSourceAt is not null ? CompletedInSourceReaction : null, s.Reward))
            .ToList();
        return new UserAdminView(
            Summary(),
            [.. State.Logins.Order(StringComparer.Ordinal)],
            integrations,
            learning.State.PolicyOverride ?? chooser.DefaultPolicy,
            chooser.ShadowPolicies,
            learning.State.Model?.Updates ?? 0,
            recent,
            await PushView(),
            CandidateViews(time.GetUtcNow()));
    }

    /// <summary>The written candidates not yet expired (put off by "Not now" or not), oldest first.</summary>
    private List<CandidateView> CandidateViews(DateTimeOffset now) =>
        [.. State.Candidates
            .Where(c => c.ExpiresAt > now)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new CandidateView(
                c.Candidate.Source, c.Candidate.Kind.ToString().ToLowerInvariant(), c.Candidate.Content, c.Candidate.Model, c.Candidate.PromptVersion,
                c.Candidate.Confidence, c.CreatedAt, c.ExpiresAt, c.HiddenUntil > now ? c.HiddenUntil : null))];

    private Task Audit(string actor, string action, string detail) =>
        analytics.AuditAsync(new AuditRecord(time.GetUtcNow(), actor, action, UserId, detail), CancellationToken.None);
}
