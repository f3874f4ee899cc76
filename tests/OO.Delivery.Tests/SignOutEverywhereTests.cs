using System.Net;
using System.Net.Http.Json;
using OO.Grains.Interfaces.Admin;

namespace OO.Delivery.Tests;

/// <summary>Signing out everywhere also forgets every push device: a lost phone stops receiving the person's tips.</summary>
public sealed class SignOutEverywhereTests(DeliveryHostFixture fixture) : IClassFixture<DeliveryHostFixture>
{
    [Fact]
    public async Task Signing_out_everywhere_forgets_every_push_device_of_the_account()
    {
        var user = await fixture.NewUserAsync();
        Assert.Equal(1, (await user.Grain.GetAdminView())!.Push!.Devices);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/me/sessions")).StatusCode);

        Assert.Equal(0, (await user.Grain.GetAdminView())!.Push!.Devices);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/me")).StatusCode);
    }
}
