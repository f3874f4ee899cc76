namespace OO.Api.Admin;

/// <summary>The body of <c>GET /api/admin/policies</c>.</summary>
/// <param name="Revision">0 while the configured start-up default is in force; each change adds one.</param>
/// <param name="ChangedBy">The administrator (user id) who made the last change.</param>
/// <param name="Decisions">How many recent rewarded decisions the estimates rest on.</param>
/// <param name="Skipped">Recent rows left out of the estimates, by reason.</param>
/// <param name="Estimates">Every known policy's estimates.</param>
public sealed record PoliciesResponse(
    string Active,
    IReadOnlyList<string> Shadows,
    long Revision,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    int Decisions,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyList<PolicyEstimateView> Estimates);
