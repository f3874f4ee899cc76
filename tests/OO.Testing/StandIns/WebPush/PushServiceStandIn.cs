using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OO.Testing.StandIns.WebPush;

/// <summary>
/// A Web Push service on 127.0.0.1 for tests: it accepts <c>POST /push/{id}</c>, verifies the
/// VAPID header (ES256 against the <c>k=</c> key, <c>aud</c> = its own origin, <c>exp</c> within
/// 24 h), decrypts the <c>aes128gcm</c> body as a browser would (its own implementation of the
/// receiving side of RFC 8291, so a passing test proves interoperability, not symmetry), records
/// every request, and answers 201 unless scripted otherwise. The one Web Push stand-in of the
/// suite: the push, delivery and browser tests use it from here.
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StandInSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StandInReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedPushMessage> _received = new();
    private readonly ConcurrentDictionary<string, long> _bodyBytesSent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _clientHungUp = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    private PushServiceStandIn(WebApplication app, TimeProvider timeProvider)
    {
        _app = app;
        _timeProvider = timeProvider;
    }

    /// <summary>The origin requests must carry as <c>aud</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedPushMessage> Received => [.. _received];

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    public static async Task<PushServiceStandIn> StartAsync(TimeProvider? timeProvider = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new PushServiceStandIn(app, timeProvider ?? TimeProvider.System);
        app.MapPost("/push/{id}", (string id, HttpContext context) => standIn.HandleAsync(id, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        return standIn;
    }

    /// <summary>Creates a subscription as a browser would: fresh P-256 pair and 16-byte auth secret.</summary>
    public StandInSubscription CreateSubscription()
    {
        var id = Guid.NewGuid().ToString("N");
        var subscription = new StandInSubscription(id, new Uri($"{Origin}/push/{id}"));
        _subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>Answers the next requests to <paramref name="subscription"/> with these replies, in order; then 201 again.</summary>
    public void Script(StandInSubscription subscription, params StandInReply[] replies)
    {
        var queue = _scripts.GetOrAdd(subscription.Id, _ => new ConcurrentQueue<StandInReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>
    /// How many bytes of scripted body the stand-in had flushed to <paramref name="subscription"/>
    /// before the client stopped reading, once that answer is over; null while it is still being sent.
    /// </summary>
    public long? BodyBytesSent(StandInSubscription subscription) =>
        _bodyBytesSent.TryGetValue(subscription.Id, out var sent) ? sent : null;

    /// <summary>
    /// Whether the client closed the connection before reading the whole scripted answer; null while the
    /// answer is still being sent. Kestrel turns writes to a closed connection into no-ops, so how many
    /// bytes were "sent" says little; the hang-up is what shows the client stopped reading.
    /// </summary>
    public bool? ClientHungUp(StandInSubscription subscription) =>
        _clientHungUp.TryGetValue(subscription.Id, out var hungUp) ? hungUp : null;

    /// <summary>Requests received for one subscription.</summary>
    public IReadOnlyList<ReceivedPushMessage> ReceivedFor(StandInSubscription subscription) =>
        [.. _received.Where(m => m.SubscriptionId == subscription.Id)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Dispose();
        }
    }

    private async Task<IResult> HandleAsync(string id, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return Record(new ReceivedPushMessage(id, headers, null, null, "unknown subscription", null, StatusCodes.Status404NotFound), null);
        }

        var vapidError = VerifyVapid(headers, out var claims);
        byte[]? plaintext = null;
        string? decryptionError = HeaderError(headers);
        if (decryptionError is null)
        {
            try
            {
                plaintext = Decrypt(body, subscription);
            }
            catch (Exception exception) when (exception is CryptographicException or FormatException)
            {
                decryptionError = exception.Message;
            }
        }

        StandInReply reply;
        if (vapidError is not null)
        {
            reply = new StandInReply(StatusCodes.Status401Unauthorized);
        }
        else if (decryptionError is not null)
        {
            reply = new StandInReply(StatusCodes.Status400BadRequest);
        }
        else if (_scripts.TryGetValue(id, out var queue) && queue.TryDequeue(out var scripted))
        {
            reply = scripted;
        }
        else
        {
            reply = new StandInReply(StatusCodes.Status201Created);
        }

        return Record(new ReceivedPushMessage(id, headers, plaintext, vapidError, decryptionError, claims, reply.StatusCode), reply);
    }

    private IResult Record(ReceivedPushMessage message, StandInReply? reply)
    {
        _received.Enqueue(message);
        return new ReplyResult(message.StatusCode, reply, (sent, hungUp) =>
        {
            _bodyBytesSent[message.SubscriptionId] = sent;
            _clientHungUp[message.SubscriptionId] = hungUp;
        });
    }

    private static string? HeaderError(IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("TTL", out var ttl) || !long.TryParse(ttl, out _))
        {
            return "TTL header missing or not a number";
        }

        return headers.TryGetValue("Content-Encoding", out var encoding) && encoding == "aes128gcm"
            ? null
            : "Content-Encoding is not aes128gcm";
    }

    private string? VerifyVapid(IReadOnlyDictionary<string, string> headers, out IReadOnlyDictionary<string, JsonElement>? claims)
    {
        claims = null;
        if (!headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return "no vapid Authorization header";
        }

        var parameters = authorization["vapid ".Length..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "");
        if (!parameters.TryGetValue("t", out var token) || !parameters.TryGetValue("k", out var key))
        {
            return "t= or k= missing";
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return "JWT does not have three parts";
        }

        var header = JsonSerializer.Deserialize<Dictionary<string, string>>(Base64Url.DecodeFromChars(parts[0]));
        if (header is null || header.GetValueOrDefault("alg") != "ES256" || header.GetValueOrDefault("typ") != "JWT")
        {
            return "JWT header is not typ JWT, alg ES256";
        }

        var publicKey = Base64Url.DecodeFromChars(key);
        if (publicKey.Length != 65 || publicKey[0] != 0x04)
        {
            return "k is not an uncompressed P-256 point";
        }

        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..] },
        });
        var signature = Base64Url.DecodeFromChars(parts[2]);
        if (signature.Length != 64
            || !verifier.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return "JWT signature does not verify against k (expected 64-byte r||s)";
        }

        var decoded = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        claims = decoded;
        if (!decoded.TryGetValue("aud", out var aud) || aud.GetString() != Origin)
        {
            return $"aud is not {Origin}";
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (!decoded.TryGetValue("exp", out var exp) || exp.GetInt64() <= now || exp.GetInt64() > now + (24 * 3600))
        {
            return "exp is not within the next 24 hours";
        }

        return decoded.TryGetValue("sub", out var sub) && (sub.GetString()!.StartsWith("mailto:", StringComparison.Ordinal) || sub.GetString()!.StartsWith("https:", StringComparison.Ordinal))
            ? null
            : "sub is not a mailto: or https: URI";
    }

    // The user agent's half of RFC 8291 §3.4 and RFC 8188: written from the RFCs independently of
    // the product's encryptor.
    private static byte[] Decrypt(byte[] body, StandInSubscription subscription)
    {
        if (body.Length < 21)
        {
            throw new FormatException("body shorter than the aes128gcm header");
        }

        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var keyIdLength = body[20];
        if (keyIdLength != 65 || body.Length < 21 + keyIdLength + 17)
        {
            throw new FormatException("key id is not a 65-byte public key");
        }

        var senderPublic = body[21..(21 + keyIdLength)];
        var record = body[(21 + keyIdLength)..];
        if (record.Length > recordSize)
        {
            throw new FormatException("more than one record");
        }

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
        });
        var sharedSecret = subscription.Key.DeriveRawSecretAgreement(sender.PublicKey);

        byte[] keyInfo = [.. "WebPush: info\0"u8, .. subscription.PublicKey, .. senderPublic];
        var ikm = HmacExpand(HMACSHA256.HashData(subscription.AuthSecret, sharedSecret), keyInfo, 32);
        var prk = HMACSHA256.HashData(salt, ikm);
        var cek = HmacExpand(prk, "Content-Encoding: aes128gcm\0"u8.ToArray(), 16);
        var nonce = HmacExpand(prk, "Content-Encoding: nonce\0"u8.ToArray(), 12);

        var padded = new byte[record.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, record[..^16], record[^16..], padded);
        }

        var end = padded.Length - 1;
        while (end >= 0 && padded[end] == 0)
        {
            end--;
        }

        if (end < 0 || padded[end] != 0x02)
        {
            throw new FormatException("last record does not end with the 0x02 delimiter");
        }

        return padded[..end];
    }

    // HKDF-Expand for outputs up to one hash length (all RFC 8291 needs): T(1) = HMAC(PRK, info || 0x01).
    private static byte[] HmacExpand(byte[] prk, byte[] info, int length)
    {
        byte[] block = [.. info, 0x01];
        return HMACSHA256.HashData(prk, block)[..length];
    }

    private sealed class ReplyResult(int statusCode, StandInReply? reply, Action<long, bool> bodySent) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (reply?.HeadersAfter is { } wait)
            {
                try
                {
                    await Task.Delay(wait, httpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            httpContext.Response.StatusCode = statusCode;
            if (reply?.RetryAfter is { } retryAfter)
            {
                httpContext.Response.Headers.RetryAfter = retryAfter;
            }

            if (reply?.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (reply is not { BodyBytes: > 0 })
            {
                return;
            }

            if (reply.TrickleEvery is { } every)
            {
                await TrickleAsync(httpContext, reply.BodyBytes, every);
                return;
            }

            // Written until the client stops reading (the connection closes) or all of it is sent.
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)'x');
            var sent = 0L;
            try
            {
                while (sent < reply.BodyBytes && !httpContext.RequestAborted.IsCancellationRequested)
                {
                    var size = (int)Math.Min(chunk.Length, reply.BodyBytes - sent);
                    await httpContext.Response.Body.WriteAsync(chunk.AsMemory(0, size), httpContext.RequestAborted);
                    await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
                    sent += size;
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
            }
            finally
            {
                bodySent(sent, await HungUp(httpContext.RequestAborted));
            }
        }

        /// <summary>The headers at once, then one byte per pause, until all is sent or the client hangs up.</summary>
        private async Task TrickleAsync(HttpContext httpContext, long bytes, TimeSpan every)
        {
            var sent = 0L;
            try
            {
                await httpContext.Response.StartAsync(httpContext.RequestAborted);
                await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
                while (sent < bytes)
                {
                    await Task.Delay(every, httpContext.RequestAborted);
                    await httpContext.Response.Body.WriteAsync("x"u8.ToArray(), httpContext.RequestAborted);
                    await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
                    sent++;
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
            }
            finally
            {
                bodySent(sent, httpContext.RequestAborted.IsCancellationRequested || await HungUp(httpContext.RequestAborted));
            }
        }

        /// <summary>A client that read the whole answer leaves the connection open; one that stopped reading closed it.</summary>
        private static async Task<bool> HungUp(CancellationToken aborted)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), aborted);
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }
    }
}
