using System.Net;
using System.Net.Sockets;

namespace OO.Testing;

/// <summary>
/// A loopback TCP port that was free a moment ago. Chosen below the kernel's ephemeral range
/// (32768 and up on Linux), where outgoing connections of parallel test processes never land.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
