using System.Net;
using Microsoft.AspNetCore.Http;

namespace OO.Api.Http;

/// <summary>Whether a request comes from, and is addressed to, this machine.</summary>
public static class Loopback
{
    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// The peer is on this machine and so is the name it asked for. A reverse proxy on this machine
    /// relays strangers from a loopback address, but with the public Host; both must be loopback.
    /// </summary>
    public static bool IsLocalRequest(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && IsLoopbackHost(http.Request.Host.Host);
}
