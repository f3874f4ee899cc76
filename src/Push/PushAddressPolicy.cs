using System.Net;
using System.Net.Sockets;

namespace OO.Push;

/// <summary>
/// Which IP addresses a push may be sent to: public unicast only. A push endpoint is a URL a
/// signed-in person hands the server, so without this rule anyone could make the silo send
/// requests into its own network (SSRF): loopback, private (RFC 1918), carrier-grade NAT,
/// link-local (cloud metadata at 169.254.169.254), multicast, documentation and reserved ranges,
/// and their IPv6 counterparts, IPv4-mapped addresses judged by the IPv4 address they carry.
/// </summary>
public static class PushAddressPolicy
{
    private static readonly IPNetwork[] NonPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),          // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),         // private
        IPNetwork.Parse("100.64.0.0/10"),      // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),        // loopback
        IPNetwork.Parse("169.254.0.0/16"),     // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),      // private
        IPNetwork.Parse("192.0.0.0/24"),       // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),       // documentation
        IPNetwork.Parse("192.88.99.0/24"),     // 6to4 relay
        IPNetwork.Parse("192.168.0.0/16"),     // private
        IPNetwork.Parse("198.18.0.0/15"),      // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),    // documentation
        IPNetwork.Parse("203.0.113.0/24"),     // documentation
        IPNetwork.Parse("224.0.0.0/4"),        // multicast
        IPNetwork.Parse("240.0.0.0/4"),        // reserved, broadcast
    ];

    // Global unicast is 2000::/3; inside it, these carry other meanings or tunnel to any IPv4 address.
    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] NonPublicV6 =
    [
        IPNetwork.Parse("2001::/23"),          // IETF protocol assignments, Teredo
        IPNetwork.Parse("2001:db8::/32"),      // documentation
        IPNetwork.Parse("2002::/16"),          // 6to4
        IPNetwork.Parse("3fff::/20"),          // documentation
    ];

    /// <summary>True for a public unicast address, the only kind a push may reach.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !NonPublicV4.Any(n => n.Contains(address)),
            // Everything outside 2000::/3 is not public: ::, ::1, fc00::/7 (ULA), fe80::/10
            // (link-local), ff00::/8 (multicast), 64:ff9b::/96 (NAT64), 100::/64 (discard).
            AddressFamily.InterNetworkV6 => GlobalUnicastV6.Contains(address) && !NonPublicV6.Any(n => n.Contains(address)),
            _ => false,
        };
    }

    /// <summary>True for 127.0.0.0/8 and ::1 (IPv4-mapped included).</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>True when a push may connect to <paramref name="address"/>: public, or loopback when the testing switch allows it.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback) =>
        IsPublic(address) || (allowLoopback && IsLoopback(address));
}
