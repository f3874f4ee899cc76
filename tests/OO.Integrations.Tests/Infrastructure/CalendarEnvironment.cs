using System.Net;
using System.Net.Http.Json;
using OO.Api.Integrations;
using OO.Api.Me;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.Integrations.Tests.Infrastructure;

/// <summary>
/// A Google stand-in (OAuth and Calendar API v3) and the real oO process pointed at it through Google sign-in's
/// settings (demo source off, short delays, on-demand syncs at once), in a fresh data directory.
/// </summary>
public sealed class CalendarEnvironment : IAsyncDisposable
{
    public const string Provider = "google-calendar";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private CalendarEnvironment(GoogleCalendarStandIn standIn, OOTestHost host, IReadOnlyDictionary<string, string?> settings)
    {
        StandIn = standIn;
        Host = host;
        Settings = settings;
    }

    /// <summary>The configuration the host started with (for reading its database).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public GoogleCalendarStandIn StandIn { get; }

    public OOTestHost Host { get; }

    public static async Task<CalendarEnvironment> StartAsync()
    {
        var standIn = await GoogleCalendarStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-calendar-{Guid.NewGuid():N}"),
            ["OO:Demo:Enabled"] = "false",
            ["OO:RateLimits:ApiPermitLimit"] = "0",
            ["OO:Auth:Google:ClientId"] = standIn.ClientId,
            ["OO:Auth:Google:ClientSecret"] = standIn.ClientSecret,
            ["OO:Auth:Google:Authority"] = standIn.Authority,
            ["OO:GoogleCalendar:ApiBaseUrl"] = standIn.ApiBaseUrl,
            ["OO:GoogleCalendar:RetryBaseDelay"] = "00:00:00.020",
            ["OO:GoogleCalendar:RetryMaxDelay"] = "00:00:00.100",
            ["OO:GoogleCalendar:RequestTimeout"] = "00:00:02",
            ["OO:GoogleCalendar:PageSize"] = "2",
            ["OO:Integrations:OnDemandSyncAfter"] = "00:00:00",
        };
        var host = await OOTestHost.StartAsync(settings);
        return new CalendarEnvironment(standIn, host, settings);
    }

    public Task<HttpClient> SignInAsync() => Host.SignInAsync($"user-{Guid.NewGuid():N}@example.com");

    /// <summary>The connect flow as a browser does it: oO → the stand-in's authorize page → oO's callback → <c>/connect</c>.</summary>
    public async Task ConnectAsync(HttpClient client)
    {
        var connect = await client.GetAsync($"/api/integrations/{Provider}/connect");
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        Assert.StartsWith(StandIn.Authority + "/o/oauth2/v2/auth?", connect.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await browser.GetAsync(connect.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var finished = await client.GetAsync(approved.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal("/connect", finished.Headers.Location!.OriginalString);
    }

    public static async Task<IntegrationBody?> CalendarAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<IntegrationBody[]>("/api/integrations"))!.SingleOrDefault(i => i.Provider == Provider);

    /// <summary>The events the user grain keeps, asking for a tip first so the calendar is nudged to sync.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAfterNudgeAsync(HttpClient client)
    {
        await client.GetAsync("/api/tip");
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return await Host.Grains.GetGrain<IUserCalendar>(me!.UserId).GetCalendarEntries();
    }

    /// <summary>Nudges syncs until the kept events satisfy <paramref name="accept"/>.</summary>
    public Task<IReadOnlyList<CalendarEntry>> EntriesAsync(HttpClient client, Func<IReadOnlyList<CalendarEntry>, bool> accept, string what) =>
        Eventually.Get(
            async () =>
            {
                var entries = await EntriesAfterNudgeAsync(client);
                return accept(entries) ? entries : null;
            },
            Patience,
            what);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
