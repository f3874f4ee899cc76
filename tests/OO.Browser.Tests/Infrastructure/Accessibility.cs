using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>
/// Checks a page against axe-core's WCAG 2.1 A and AA rules, with the engine pinned in tools/axe (installed by
/// <c>npm ci --prefix tools/axe</c>, which scripts/test.sh runs). The engine is evaluated through the browser's
/// debugging protocol, which the page's Content-Security-Policy does not govern, so the page is checked as it is served.
/// </summary>
public static class Accessibility
{
    /// <summary>The axe-core tags of WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Engine = new(LoadEngine);

    /// <summary>Fails listing every violation (rule, impact, what it asks, the elements) if the page has any.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        if (violations.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{violations.Count} WCAG 2.1 A/AA violation(s) on {new Uri(page.Url).PathAndQuery}:");
        foreach (var violation in violations)
        {
            report.Append("\n- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help);
            foreach (var node in violation.Nodes.Take(5))
            {
                report.Append("\n    at ").Append(node);
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>The page's violations of <see cref="Tags"/>, as axe-core reports them.</summary>
    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Engine.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
                const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return result.violations.map(v => ({
                    id: v.id,
                    impact: v.impact ?? '',
                    help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary ?? '').replace(/\s+/g, ' ')),
                }));
            }
            """,
            Tags);
        return [.. found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!)]))];
    }

    private static string LoadEngine()
    {
        var path = Path.Combine(RepositoryRoot(), "tools", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run 'npm ci --prefix tools/axe' (scripts/test.sh does).");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OO.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No OO.sln above the test binaries: cannot find tools/axe.");
    }

    /// <summary>One rule a page breaks, and where.</summary>
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);
}
