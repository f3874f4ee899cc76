using OO.Grains.Interfaces.Users;
using OO.Testing.StandIns.WebPush;

namespace OO.Delivery.Tests;

/// <summary>A signed-in test user: their browser session, their grain, and their stand-in device.</summary>
public sealed record DeliveryUser(HttpClient Client, string UserId, IUserGrain Grain, StandInSubscription? Device)
{
    /// <summary>The subscription JSON a browser posts for <paramref name="device"/>.</summary>
    public static object Body(StandInSubscription device) =>
        new { endpoint = device.Endpoint.ToString(), expirationTime = (long?)null, keys = new { p256dh = device.P256dh, auth = device.Auth } };
}
