namespace OO.Admin.Sql;

/// <summary>The body of <c>POST /api/admin/sql</c>: one read-only statement.</summary>
public sealed record SqlRequest(string? Sql);
