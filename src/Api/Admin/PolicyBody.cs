namespace OO.Api.Admin;

/// <summary>The body of <c>PUT /api/admin/users/{id}/policy</c>: a policy name, or null for the configured default.</summary>
public sealed record PolicyBody(string? Policy);
