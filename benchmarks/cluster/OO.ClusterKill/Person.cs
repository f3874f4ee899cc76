using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OO.ClusterKill;

/// <summary>One person looping "get tip → react" through the router, remembering every reaction the server acknowledged.</summary>
public sealed class Person(int number, string runId, SiloRouter router, Timeline timeline)
{
    private static readonly string[] Reactions = ["snooze", "dismiss"];
    private string? _cookie;

    public string Email { get; } = $"kill-{runId}-{number}@example.com";

    public string? UserId { get; private set; }

    /// <summary>Tip id → reaction, for every reaction answered with 2xx.</summary>
    public Dictionary<string, string> Acknowledged { get; } = [];

    public async Task SignInAsync()
    {
        using var response = await router.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "/auth/dev") { Content = JsonContent.Create(new { email = Email }) }, cookie: null);
        response.EnsureSuccessStatusCode();
        var session = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("oo.session", StringComparison.Ordinal));
        _cookie = string.Join("; ", session);
        using var me = await router.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "/api/me"), _cookie);
        me.EnsureSuccessStatusCode();
        UserId = (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString();
    }

    /// <summary>Loops until <paramref name="stop"/>; every request and its outcome goes to the timeline.</summary>
    public async Task LoopAsync(CancellationToken stop)
    {
        var turn = number;
        while (!stop.IsCancellationRequested)
        {
            var (tipStatus, tipBody) = await Timed("GET /api/tip", () => new HttpRequestMessage(HttpMethod.Get, "/api/tip"));
            if (tipStatus != HttpStatusCode.OK)
            {
                continue;
            }

            var tipId = tipBody.GetProperty("tipId").GetString()!;
            var reaction = Reactions[turn++ % Reactions.Length];
            var (status, _) = await Timed("POST feedback", () => new HttpRequestMessage(HttpMethod.Post, $"/api/tips/{tipId}/feedback")
            {
                Content = JsonContent.Create(new { reaction, dwellMs = 5_000 }),
            });
            if (status == HttpStatusCode.OK)
            {
                Acknowledged[tipId] = reaction;
                timeline.CycleCompleted();
            }
        }
    }

    /// <summary>The stats <c>GET /api/me</c> reports now.</summary>
    public async Task<(int Snoozed, int Dismissed)> StatsAsync()
    {
        using var me = await router.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "/api/me"), _cookie);
        me.EnsureSuccessStatusCode();
        var stats = (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stats");
        return (stats.GetProperty("snoozed").GetInt32(), stats.GetProperty("dismissed").GetInt32());
    }

    private async Task<(HttpStatusCode? Status, JsonElement Body)> Timed(string what, Func<HttpRequestMessage> create)
    {
        var started = timeline.Now;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await router.SendAsync(create, _cookie);
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            // 204 (nothing to suggest right now) is an answer, not a failure.
            var ok = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent;
            timeline.Record(number, what, started, clock.Elapsed, ok, ok ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (response.StatusCode, body);
        }
        catch (HttpRequestException error)
        {
            timeline.Record(number, what, started, clock.Elapsed, ok: false, error.Message);
            return (null, default);
        }
    }
}
