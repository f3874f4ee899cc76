using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;

namespace OO.Grains.Interfaces.Admin;

/// <summary>Everything an administrator may see about one user; <see cref="Candidates"/> are the written candidates not yet expired.</summary>
[GenerateSerializer, Immutable, Alias("oo.UserAdminView")]
public sealed record UserAdminView(
    [property: Id(0)] UserSummary User,
    [property: Id(1)] IReadOnlyList<string> Logins,
    [property: Id(2)] IReadOnlyList<IntegrationStatus> Integrations,
    [property: Id(3)] string ActivePolicy,
    [property: Id(4)] IReadOnlyList<string> ShadowPolicies,
    [property: Id(5)] long ModelUpdates,
    [property: Id(6)] IReadOnlyList<ServedTipView> RecentTips,
    [property: Id(7)] PushAdminView? Push = null,
    [property: Id(8)] IReadOnlyList<CandidateView>? Candidates = null);
