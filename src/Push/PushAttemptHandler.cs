using System.Runtime.CompilerServices;

namespace OO.Push;

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt: counts them for the
/// <see cref="PushResult"/> and the <c>oo.push.attempts</c> metric.
/// </summary>
internal sealed class PushAttemptHandler(PushMetrics metrics) : DelegatingHandler
{
    /// <summary>Where <see cref="WebPushSender"/> reads how many attempts a request took.</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> AttemptsKey = new("oo.push.attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptsKey, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RecordAttempt((int)response.StatusCode);
            return response;
        }
        catch
        {
            metrics.RecordAttempt(null);
            throw;
        }
    }
}
