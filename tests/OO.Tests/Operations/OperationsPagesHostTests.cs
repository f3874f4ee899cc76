using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Interfaces.Events;
using OO.Testing;

namespace OO.Tests.Operations;

/// <summary>
/// The events, health and data-quality pages and APIs on a running host, with an in-memory event log standing in for
/// the real one: history filtered, replay confirmed before it runs, health and data quality computed from the host's data.
/// </summary>
public sealed class OperationsPagesHostTests : IAsyncLifetime
{
    private const string Admin = "root@example.com";
    private readonly InMemoryEventLog _log = new();
    private OOTestHost? _host;

    private OOTestHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await OOTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"),
                ["OO:Auth:AdminEmails"] = Admin,
                ["OO:Auth:FirstUserIsAdmin"] = "false",
            },
            services => services.AddSingleton<IEventLog>(_log));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_events_page_lists_stored_events_by_filter_and_replays_one_only_once_confirmed()
    {
        var now = DateTimeOffset.UtcNow;
        var pushed = _log.Add(new OOEvent(EventSubjects.PushSent, "u-push", now, """{"topic":"tip"}"""));
        _log.Add(new OOEvent(EventSubjects.TaskSynced, "u-task", now, """{"source":"demo"}"""));
        var admin = await Host.SignInAsync(Admin);

        var page = await admin.GetStringAsync("/admin/events?subject=push.");

        Assert.Contains("u-push", page, StringComparison.Ordinal);
        Assert.DoesNotContain("u-task", page, StringComparison.Ordinal);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The replay form carries an antiforgery token.");
        var antiforgery = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value;

        var asked = await admin.PostAsync("/admin/events?subject=push.", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"replay-{pushed.Id}",
            ["__RequestVerificationToken"] = antiforgery,
        }));
        var confirmation = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.True(confirmation.Contains($"Replay event {pushed.Id}", StringComparison.Ordinal), confirmation[..Math.Min(3000, confirmation.Length)]);
        Assert.Empty(_log.Replays);

        var confirmed = await admin.PostAsync("/admin/events?subject=push.", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "replay-confirm",
            ["EventId"] = pushed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = antiforgery,
        }));
        Assert.Contains($"Event {pushed.Id} was delivered again.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var replay = Assert.Single(_log.Replays);
        Assert.Equal(pushed.Id, replay.EventId);
        Assert.False(string.IsNullOrEmpty(replay.Admin));
    }

    [Fact]
    public async Task Health_and_data_quality_report_the_hosts_own_data()
    {
        var user = await Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        await OO.Tests.Api.TipRoundTripTests.NextTipAsync(user);
        _log.Add(new OOEvent(EventSubjects.IntegrationFailed, "u-x", DateTimeOffset.UtcNow, """{"reason":"rate-limited"}"""));
        var admin = await Host.SignInAsync(Admin);

        // The directory and the explainability log are written by the analytics writer, shortly after.
        await Eventually.True(
            async () => (await admin.GetFromJsonAsync<JsonElement>("/api/admin/health")).GetProperty("integrations").GetProperty("asked").GetInt32() >= 1
                && (await admin.GetFromJsonAsync<JsonElement>("/api/admin/data-quality")).GetProperty("features").GetProperty("decisions").GetInt32() >= 1,
            TimeSpan.FromSeconds(30),
            "the user's source and first tip reach the analytics tables");
        var health = await admin.GetFromJsonAsync<JsonElement>("/api/admin/health");
        var quality = await admin.GetFromJsonAsync<JsonElement>("/api/admin/data-quality");

        Assert.Contains(health.GetProperty("cluster").GetProperty("silos").EnumerateArray(), s => s.GetProperty("status").GetString() == "Active");
        Assert.True(health.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.True(health.GetProperty("eventLog").GetProperty("installed").GetBoolean());
        Assert.True(health.GetProperty("integrations").GetProperty("asked").GetInt32() >= 1);
        Assert.True(quality.GetProperty("features").GetProperty("decisions").GetInt32() >= 1);
        Assert.Equal(0, quality.GetProperty("features").GetProperty("wrongLength").GetInt32());
        Assert.Equal(1, quality.GetProperty("syncFailureEventsByReason").GetProperty("rate-limited").GetInt32());
        Assert.Contains("demo", quality.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/data-quality")).StatusCode);
    }
}
