using Microsoft.Playwright;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>The browser fixture with one administrator (<see cref="AdminEmail"/>) and desktop-sized pages for the console.</summary>
public sealed class AdminBrowserFixture : BrowserFixture
{
    public const string AdminEmail = "operator@example.com";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["OO:Auth:AdminEmails"] = AdminEmail,
    };

    /// <summary>A laptop-sized page in a fresh context, as an operator would use the console.</summary>
    public async Task<IPage> NewDesktopPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "Europe/Berlin",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
