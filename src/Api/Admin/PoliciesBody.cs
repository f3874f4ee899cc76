namespace OO.Api.Admin;

/// <summary>
/// The body of <c>PUT /api/admin/policies</c>: the policy to serve and the ones to shadow it (either may be left out
/// to keep it), and <c>force</c> to promote without sufficient evidence (audited as forced).
/// </summary>
public sealed record PoliciesBody(string? Active, IReadOnlyList<string>? Shadows, bool Force = false);
