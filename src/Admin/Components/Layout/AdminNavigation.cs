namespace OO.Admin.Components.Layout;

/// <summary>The console's pages in navigation order; each address is fixed (other helpers and the docs link to them).</summary>
public static class AdminNavigation
{
    /// <summary>One entry of the console's navigation.</summary>
    public sealed record Page(string Href, string Title);

    public static IReadOnlyList<Page> Pages { get; } =
    [
        new("/admin", "Overview"),
        new("/admin/users", "Users"),
        new("/admin/events", "Events"),
        new("/admin/recommendations", "Recommendations"),
        new("/admin/rewards", "Rewards"),
        new("/admin/policies", "Policies"),
        new("/admin/data-quality", "Data quality"),
        new("/admin/audit", "Audit"),
        new("/admin/sql", "SQL"),
        new("/admin/health", "Health"),
    ];
}
