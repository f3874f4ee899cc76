using Microsoft.Playwright;
using OO.Testing.StandIns;
using OO.Testing;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>
/// What a test class needs to drive oO in a real browser: the OpenID Connect stand-in, the real oO
/// process (fresh data directory, Google pointed at the stand-in) and headless Debian Chromium.
/// Every page gets its own browser context: its own cookies, as a separate person would have.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly List<IBrowserContext> _contexts = [];
    private OidcStandIn? _standIn;
    private OOTestHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public OidcStandIn StandIn => _standIn ?? throw new InvalidOperationException("Not started.");

    public OOTestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Configuration over the defaults, for a class that needs a differently configured host.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
        }

        _standIn = await OidcStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-browser-{Guid.NewGuid():N}"),
            ["OO:Auth:FirstUserIsAdmin"] = "false",
            ["OO:Auth:Google:Authority"] = _standIn.Issuer,
            ["OO:Auth:Google:ClientId"] = OidcStandIn.ClientId,
            ["OO:Auth:Google:ClientSecret"] = OidcStandIn.ClientSecret,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _host = await OOTestHost.StartAsync(settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A phone-sized page in a fresh browser context (no cookies). Service workers are off unless asked for.</summary>
    public async Task<IPage> NewPageAsync(bool serviceWorkers = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-US",
            TimezoneId = "Europe/Berlin",
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        // Generous: CI runs the browser tests beside the other test projects on two cores.
        context.SetDefaultTimeout(30_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }
}
