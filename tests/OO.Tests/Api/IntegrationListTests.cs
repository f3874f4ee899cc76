using System.Net;
using System.Net.Http.Json;
using OO.Api.Integrations;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>The connected sources are listed with their status and can be disconnected.</summary>
public sealed class IntegrationListTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task The_demo_source_is_listed_and_disconnecting_it_removes_its_tips()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        await TipRoundTripTests.NextTipAsync(client);

        var list = await client.GetFromJsonAsync<IntegrationBody[]>("/api/integrations");
        var demo = Assert.Single(list!);
        Assert.Equal(("demo", "connected"), (demo.Provider, demo.Status));
        Assert.NotNull(demo.LastSyncAt);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/integrations/demo")).StatusCode);

        Assert.Empty((await client.GetFromJsonAsync<IntegrationBody[]>("/api/integrations"))!);
        var tip = await client.GetAsync("/api/tip");
        Assert.Equal(HttpStatusCode.NoContent, tip.StatusCode);
        Assert.Equal("no-source", Assert.Single(tip.Headers.GetValues(OO.Api.Tips.TipsApi.StateHeader)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/integrations/demo")).StatusCode);
    }
}
