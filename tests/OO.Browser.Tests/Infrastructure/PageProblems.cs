using Microsoft.Playwright;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>
/// Collects what a page should never produce: script errors and Content-Security-Policy violations
/// (which is how an inline script or style would show up).
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.PageError += (_, error) => Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Add($"CSP: {message.Text}");
            }
        };
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
