using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OO.Testing.StandIns.Chat;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint for tests: Kestrel on 127.0.0.1 (a free port) serving
/// <c>POST /v1/chat/completions</c>. Each request takes the next scripted <see cref="ChatReply"/> (good answers,
/// invalid JSON, schema-breaking JSON, slow answers, 500, 429 with Retry-After); when the script is empty it
/// answers <see cref="Default"/>. Every request is recorded, so a test can assert what was sent.
/// Configure clients with <see cref="Endpoint"/>.
/// </summary>
public sealed class ChatCompletionsStandIn : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<ChatReply> _script = new();
    private readonly List<RecordedChatRequest> _requests = [];
    private WebApplication? _app;
    private int _answered;

    private ChatCompletionsStandIn()
    {
    }

    /// <summary>What to configure as <c>OO:AI:Endpoint</c>, e.g. <c>http://127.0.0.1:54321/v1</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The answer when nothing is scripted. Default: a 500, so an unexpected call shows.</summary>
    public ChatReply Default { get; set; } = ChatReply.Error();

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Starts a stand-in on 127.0.0.1 with a free port.</summary>
    public static async Task<ChatCompletionsStandIn> StartAsync(CancellationToken cancellationToken = default)
    {
        var standIn = new ChatCompletionsStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", standIn.Complete);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Endpoint = $"{address.TrimEnd('/')}/v1";
        standIn._app = app;
        return standIn;
    }

    /// <summary>Appends replies to the script, answered in order, one per request.</summary>
    public void Script(params ChatReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <summary>Forgets the script and the recorded requests.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _script.Clear();
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task Complete(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        ChatReply reply;
        lock (_gate)
        {
            _requests.Add(new RecordedChatRequest(DateTimeOffset.UtcNow, http.Request.Headers.Authorization.ToString(), body));
            reply = _script.TryDequeue(out var next) ? next : Default;
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        http.Response.StatusCode = reply.Status;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Status != 200)
        {
            await http.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = $"scripted {reply.Status}", ["type"] = "server_error" },
            });
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{Interlocked.Increment(ref _answered)}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = body["model"]?.GetValue<string>() ?? "stand-in",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                ["finish_reason"] = "stop",
            }),
        };
        if (reply.Usage is { } usage)
        {
            completion["usage"] = new JsonObject
            {
                ["prompt_tokens"] = usage.Input,
                ["completion_tokens"] = usage.Output,
                ["total_tokens"] = usage.Input + usage.Output,
            };
        }

        await http.Response.WriteAsJsonAsync(completion);
    }
}
