using System.Net;
using System.Net.Http.Json;
using System.Text;
using OO.Api.Me;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>Settings are the person's own, validated, and kept.</summary>
public sealed class SettingsTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task A_new_user_has_sensible_defaults()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var settings = await client.GetFromJsonAsync<SettingsBody>("/api/me/settings");
        Assert.Equal(new SettingsBody("UTC", new QuietHoursBody("22:00", "07:00"), 3, false), settings);
    }

    [Fact]
    public async Task Saved_settings_are_read_back_and_quiet_hours_may_cross_midnight()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var wanted = new SettingsBody("America/New_York", new QuietHoursBody("23:15", "06:30"), 5, true);

        var put = await client.PutAsJsonAsync("/api/me/settings", wanted);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(wanted, await client.GetFromJsonAsync<SettingsBody>("/api/me/settings"));
    }

    [Theory]
    [InlineData("{\"timeZone\":\"Mars/Olympus\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"},\"dailyPushCap\":3,\"notify\":false}", "timeZone")]
    [InlineData("{\"timeZone\":\"UTC\",\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"},\"dailyPushCap\":3,\"notify\":false}", "quietHours.start")]
    [InlineData("{\"timeZone\":\"UTC\",\"quietHours\":{\"start\":\"22:00\"},\"dailyPushCap\":3,\"notify\":false}", "quietHours.end")]
    [InlineData("{\"timeZone\":\"UTC\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"},\"dailyPushCap\":99,\"notify\":false}", "dailyPushCap")]
    [InlineData("{\"timeZone\":\"UTC\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"},\"dailyPushCap\":3}", "notify")]
    public async Task Invalid_settings_get_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var before = await client.GetFromJsonAsync<SettingsBody>("/api/me/settings");

        var response = await client.PutAsync("/api/me/settings", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await client.GetFromJsonAsync<SettingsBody>("/api/me/settings"));
    }
}
