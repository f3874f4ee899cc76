using Microsoft.Playwright;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>Saves the README's screenshots (docs/screenshots/{name}.png) from the page as a person sees it.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        // Let the fade-in finish, so the picture shows the page at rest.
        await page.WaitForTimeoutAsync(800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), Animations = ScreenshotAnimations.Disabled });
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

        throw new InvalidOperationException("No OO.sln above the test binaries: cannot tell where docs/screenshots is.");
    }
}
