namespace OO.Grains.Sources;

/// <summary>Everything a source needs to act for one user.</summary>
/// <param name="UserId">The oO user id.</param>
/// <param name="Tokens">The user's tokens at the provider; null for a source that needs no authorization.</param>
/// <param name="TimeZone">The IANA zone a floating due time is read in; null reads it in UTC.</param>
public sealed record SourceAccess(string UserId, SourceTokens? Tokens, string? TimeZone)
{
    /// <summary>The tokens, for a source that requires them.</summary>
    public SourceTokens RequireTokens() =>
        Tokens ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "No access has been granted for this source.");

    /// <summary>The zone to read floating times in.</summary>
    public TimeZoneInfo Zone() =>
        TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
