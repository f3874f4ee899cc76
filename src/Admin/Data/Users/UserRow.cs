namespace OO.Admin.Data.Users;

/// <summary>One person in the console's directory.</summary>
/// <param name="Sources">The sources connected now.</param>
/// <param name="DoneRate">Of the tips ever served to them, the share done; null before the first tip.</param>
public sealed record UserRow(
    string UserId, string Email, DateTimeOffset CreatedAt, IReadOnlyList<string> Sources, DateTimeOffset? LastTipAt, long TipsServed, double? DoneRate);
