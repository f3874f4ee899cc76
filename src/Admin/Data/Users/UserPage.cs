namespace OO.Admin.Data.Users;

/// <summary>One page of the directory, newest signups first.</summary>
public sealed record UserPage(string Query, int Page, int PageSize, bool HasMore, IReadOnlyList<UserRow> Users);
