using System.Globalization;

namespace OO.Admin.Operations.Audit;

/// <summary>
/// What to look for in the audit log: free text (in action, target, detail, actor or their email), an exact actor,
/// an exact target, actions at or after an instant; newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed record AuditSearch(string? Text, string? Actor, string? Target, DateTimeOffset? Since, int Limit = AuditSearch.DefaultLimit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>The search the query string asks for, or a sentence saying which value is wrong.</summary>
    public static (AuditSearch? Search, string? Problem) Parse(string? q, string? actor, string? target, string? since, int? limit)
    {
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return (null, $"'since' must be a date or an instant (2026-03-01 or 2026-03-01T09:00:00Z), not '{since}'.");
            }

            from = parsed;
        }

        if (limit is < 1 or > MaxLimit)
        {
            return (null, $"'limit' must be between 1 and {MaxLimit}.");
        }

        return (new AuditSearch(Blank(q), Blank(actor), Blank(target), from, limit ?? DefaultLimit), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
