using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// The push client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself,
/// refuses the connection when any address it gets is not allowed (<see cref="PushAddressPolicy"/>),
/// and connects only to the addresses it checked. Checking at subscribe time is not enough: DNS
/// can answer differently later (rebinding), so the check sits where the socket is opened.
/// </summary>
public sealed class PushEndpointGuard
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly bool _allowLoopback;

    /// <summary>Resolves through the system's DNS; the testing switch comes from <paramref name="options"/>.</summary>
    public PushEndpointGuard(IOptions<PushOptions> options)
        : this(options.Value.AllowLoopbackEndpoints, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>Resolves with <paramref name="resolve"/> (tests give it a lying DNS).</summary>
    public PushEndpointGuard(bool allowLoopback, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        _allowLoopback = allowLoopback;
        _resolve = resolve;
    }

    /// <summary>Opens the connection for <paramref name="context"/>, or throws <see cref="PushAddressRefusedException"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(a => PushAddressPolicy.IsAllowed(a, _allowLoopback)))
        {
            // All or nothing: a name that also resolves to an internal address is not a push service.
            throw new PushAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address)
            ? [address]
            : await _resolve(host, cancellationToken).ConfigureAwait(false);
    }
}
