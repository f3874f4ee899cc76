using System.Net;
using System.Net.Http.Json;
using OO.Api.Integrations;
using OO.Api.Me;
using OO.Api.Tips;
using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.Integrations.Tests.Infrastructure;

/// <summary>
/// A Todoist stand-in and the real oO process pointed at it (demo source off, short delays), in a
/// fresh data directory. Each test starts its own, so scripted faults never reach another test.
/// </summary>
public sealed class TodoistEnvironment : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TodoistEnvironment(TodoistStandIn standIn, OOTestHost host, IReadOnlyDictionary<string, string?> settings)
    {
        StandIn = standIn;
        Host = host;
        Settings = settings;
    }

    public TodoistStandIn StandIn { get; }

    public OOTestHost Host { get; }

    /// <summary>The configuration the host started with (for the database scanner).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string DatabaseFile => Path.Combine(Settings["OO:DataDirectory"]!, "oo.db");

    /// <param name="configure">Changes the host's settings (for example removes the client id).</param>
    /// <param name="standInSetup">Changes the stand-in before anything connects (token lifetime, …).</param>
    public static async Task<TodoistEnvironment> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<TodoistStandIn>? standInSetup = null)
    {
        var standIn = await TodoistStandIn.StartAsync();
        standInSetup?.Invoke(standIn);
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-integrations-{Guid.NewGuid():N}"),
            ["OO:Demo:Enabled"] = "false",
            ["OO:RateLimits:ApiPermitLimit"] = "0",
            ["OO:Todoist:ClientId"] = standIn.ClientId,
            ["OO:Todoist:ClientSecret"] = standIn.ClientSecret,
            ["OO:Todoist:AuthBaseUrl"] = standIn.AuthBaseUrl,
            ["OO:Todoist:ApiBaseUrl"] = standIn.ApiBaseUrl,
            ["OO:Todoist:RetryBaseDelay"] = "00:00:00.020",
            ["OO:Todoist:RetryMaxDelay"] = "00:00:00.100",
            ["OO:Todoist:RequestTimeout"] = "00:00:02",
            ["OO:Integrations:OnDemandSyncAfter"] = "00:00:00",
            ["OO:Integrations:CloseRetryBaseDelay"] = "00:00:00.500",
            ["OO:Integrations:CloseRetryMaxDelay"] = "00:00:02",
            ["OO:Integrations:WebhookSyncDelay"] = "00:00:00",
        };
        configure?.Invoke(settings);
        var host = await OOTestHost.StartAsync(settings);
        return new TodoistEnvironment(standIn, host, settings);
    }

    /// <summary>Signs a new person in.</summary>
    public Task<HttpClient> SignInAsync() => Host.SignInAsync($"user-{Guid.NewGuid():N}@example.com");

    /// <summary>
    /// The whole connect flow as a browser does it: oO's connect redirects to the stand-in's authorize
    /// page, which redirects back to oO's callback, which redirects to <c>/connect</c>.
    /// </summary>
    public async Task ConnectAsync(HttpClient client)
    {
        var callback = await AuthorizeAsync(client);
        var finished = await client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal("/connect", finished.Headers.Location!.OriginalString);
    }

    /// <summary>Starts connecting and approves at the stand-in; returns the callback URL the browser is sent back to.</summary>
    public async Task<Uri> AuthorizeAsync(HttpClient client)
    {
        var connect = await client.GetAsync("/api/integrations/todoist/connect");
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        var authorize = connect.Headers.Location!;
        Assert.StartsWith(StandIn.AuthBaseUrl + "/authorize?", authorize.AbsoluteUri, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var callback = approved.Headers.Location!;
        Assert.StartsWith(new Uri(Host.Address, "/api/integrations/todoist/callback").AbsoluteUri, callback.AbsoluteUri, StringComparison.Ordinal);
        return callback;
    }

    public static async Task<IntegrationBody?> TodoistAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<IntegrationBody[]>("/api/integrations"))!.SingleOrDefault(i => i.Provider == "todoist");

    /// <summary>Asks for the tip until one comes from Todoist and matches <paramref name="accept"/>.</summary>
    public static Task<TipResponse> TodoistTipAsync(HttpClient client, Func<TipResponse, bool>? accept = null) =>
        Eventually.Get(
            async () =>
            {
                var response = await client.GetAsync("/api/tip");
                var tip = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TipResponse>() : null;
                return tip is { Source: "todoist" } && (accept?.Invoke(tip) ?? true) ? tip : null;
            },
            Patience,
            "a tip from Todoist");

    /// <summary>
    /// Whether the signed-in person's Todoist integration still has its poll reminder: the state that says
    /// polling goes on, read from the reminder table instead of waiting to see whether a poll comes.
    /// </summary>
    public async Task<bool> IsPolledAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        var integration = Host.Grains.GetIntegrationGrain(me!.UserId, "todoist").GetGrainId();
        var reminders = await Host.Services.GetRequiredService<IReminderTable>().ReadRows(integration);
        return reminders.Reminders.Any(r => r.ReminderName == "poll");
    }

    public async Task<UserAdminView> AdminViewAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (await Host.Grains.GetGrain<IUserGrain>(me!.UserId).GetAdminView())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
