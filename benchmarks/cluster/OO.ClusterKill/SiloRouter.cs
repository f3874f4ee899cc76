using System.Net.Http.Headers;
using System.Net.Sockets;

namespace OO.ClusterKill;

/// <summary>
/// Stands in for the load balancer in front of the silos: spreads requests over the silos whose
/// <c>/readyz</c> answered 200 at the last look (as a Kubernetes Service follows readiness), moves a
/// request whose connection is refused to the next silo, and sends a request again elsewhere when its
/// silo went away in the middle of it, because every request this driver sends is safe to repeat (reads,
/// and a reaction that names its tip).
/// </summary>
public sealed class SiloRouter : IAsyncDisposable
{
    private readonly Uri[] _silos;
    private readonly HttpClient[] _clients;
    private readonly bool[] _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;
    private int _next;
    private long _movedOnRefusal;
    private long _repeatedAfterBreak;

    public SiloRouter(IReadOnlyList<Uri> silos)
    {
        _silos = [.. silos];
        _ready = [.. silos.Select(_ => true)];
        _clients = [.. silos.Select(s => new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            MaxConnectionsPerServer = 256,
        }) { BaseAddress = s, Timeout = TimeSpan.FromSeconds(60) })];
        _watch = WatchReadinessAsync(_stop.Token);
    }

    /// <summary>Requests that met a refused connection and went to another silo.</summary>
    public long MovedOnRefusal => Interlocked.Read(ref _movedOnRefusal);

    /// <summary>Requests in flight on a silo that went away, sent again to another.</summary>
    public long RepeatedAfterBreak => Interlocked.Read(ref _repeatedAfterBreak);

    /// <summary>Sends the request made by <paramref name="create"/> to a ready silo, moving on as a balancer would; throws when every silo failed.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string? cookie)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < _silos.Length * 2; attempt++)
        {
            var silo = Pick();
            using var request = create();
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            try
            {
                return await _clients[silo].SendAsync(request);
            }
            catch (HttpRequestException error) when (IsRefused(error))
            {
                _ready[silo] = false;
                Interlocked.Increment(ref _movedOnRefusal);
                last = error;
            }
            catch (HttpRequestException error)
            {
                // The connection broke after the request left: the silo died or closed it under the request.
                _ready[silo] = false;
                Interlocked.Increment(ref _repeatedAfterBreak);
                last = error;
            }
        }

        throw new HttpRequestException("No silo answered.", last);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private int Pick()
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            var candidate = (int)((uint)Interlocked.Increment(ref _next) % (uint)_silos.Length);
            if (_ready[candidate])
            {
                return candidate;
            }
        }

        return (int)((uint)Interlocked.Increment(ref _next) % (uint)_silos.Length);
    }

    private static bool IsRefused(HttpRequestException error) =>
        error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private async Task WatchReadinessAsync(CancellationToken stop)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        probe.DefaultRequestHeaders.CacheControl = new CacheControlHeaderValue { NoCache = true };
        while (!stop.IsCancellationRequested)
        {
            await Task.WhenAll(_silos.Select(async (silo, i) =>
            {
                try
                {
                    using var response = await probe.GetAsync(new Uri(silo, "/readyz"), stop);
                    _ready[i] = response.IsSuccessStatusCode;
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    _ready[i] = false;
                }
            }));
            await Task.Delay(TimeSpan.FromMilliseconds(250), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
