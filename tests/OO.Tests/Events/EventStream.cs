using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using OO.Api.Admin;

namespace OO.Tests.Events;

/// <summary>An open <c>/api/admin/events/stream</c>: each event as it arrives, with when it arrived.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(EventView Event, long ArrivedAt)> _events = Channel.CreateUnbounded<(EventView, long)>();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    private EventStream(HttpResponseMessage response)
    {
        _response = response;
        _reading = Read();
    }

    public HttpResponseMessage Response => _response;

    public static async Task<EventStream> OpenAsync(HttpClient admin, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/events/stream?{query}");
        var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStream(response);
    }

    /// <summary>The first event matching <paramref name="match"/>, and the <see cref="Stopwatch"/> timestamp it arrived at.</summary>
    public async Task<(EventView Event, long ArrivedAt)> WaitForAsync(Func<EventView, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(deadline.Token);
                if (match(next.Event))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching event arrived on the stream within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private async Task Read()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var view = JsonSerializer.Deserialize<EventView>(line["data: ".Length..], Json)!;
                    await _events.Writer.WriteAsync((view, Stopwatch.GetTimestamp()));
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
