using System.Security.Cryptography;
using System.Text;

namespace OO.Grains.Interfaces.Push;

/// <summary>
/// The key of an <see cref="IPushEndpointGrain"/> and the device id a person is shown: the SHA-256
/// of the endpoint, hex. The endpoint itself is a capability URL, so it is never a grain key (keys
/// are logged and stored in the clear) nor shown back.
/// </summary>
public static class PushEndpointKey
{
    /// <summary>The key of <paramref name="endpoint"/>.</summary>
    public static string Of(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));
    }

    /// <summary>The short device id shown to its owner: the first 12 hex digits of the key.</summary>
    public static string DeviceId(string endpoint) => Of(endpoint)[..12];
}
