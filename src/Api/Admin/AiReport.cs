namespace OO.Api.Admin;

/// <summary>The answer of <c>GET /api/admin/ai</c>: one entry per model and prompt version, ordered by model then version.</summary>
public sealed record AiReport(IReadOnlyList<AiVariantReport> Variants);
