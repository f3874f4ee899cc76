using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OO.Testing;
using OO.Testing.StandIns.WebPush;

namespace OO.Push.Tests;

public sealed class WebPushSenderTests : IAsyncLifetime
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "oo-push-tests", Guid.NewGuid().ToString("N"));
    private PushServiceStandIn _service = null!;
    private ServiceProvider _provider = null!;
    private readonly CapturedLogs _logs = new();

    public async Task InitializeAsync()
    {
        _service = await PushServiceStandIn.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OO:Push:Subject"] = "mailto:ops@oo.example",
                ["OO:Push:KeyDirectory"] = _keyDirectory,
                ["OO:Push:MaxAttempts"] = "3",
                ["OO:Push:RetryBaseDelay"] = "00:00:00.010",
                // The stand-in is on loopback.
                ["OO:Push:AllowLoopbackEndpoints"] = "true",
            })
            .Build();
        _provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs))
            .AddWebPush(configuration)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _service.DisposeAsync();
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_message_arrives_decrypts_to_the_payload_and_carries_a_valid_vapid_header()
    {
        var subscription = _service.CreateSubscription();
        const string payload = """{"tip":"Call the dentist","id":"t-42"}""";
        var message = PushMessage.FromText(payload) with
        {
            TimeToLive = TimeSpan.FromMinutes(30),
            Urgency = PushUrgency.High,
            Topic = PushTopic.FromKey("todoist:12345"),
        };

        var result = await Sender().SendAsync(Subscribe(subscription), message);

        var received = Assert.Single(_service.ReceivedFor(subscription));
        Assert.Equal(new PushResult(PushOutcome.Delivered, 201, 1), result);
        Assert.Null(received.VapidError);
        Assert.Null(received.DecryptionError);
        Assert.Equal(payload, Encoding.UTF8.GetString(received.Plaintext!));
        Assert.Equal(_service.Origin, received.Claims!["aud"].GetString());
        Assert.Equal("mailto:ops@oo.example", received.Claims["sub"].GetString());
        Assert.Equal("1800", received.Headers["TTL"]);
        Assert.Equal("high", received.Headers["Urgency"]);
        Assert.Equal(PushTopic.FromKey("todoist:12345"), received.Headers["Topic"]);
        Assert.Equal("aes128gcm", received.Headers["Content-Encoding"]);
        Assert.EndsWith("k=" + _provider.GetRequiredService<VapidKeys>().PublicKey, received.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_ttl_and_urgency_come_from_the_options()
    {
        var subscription = _service.CreateSubscription();

        await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        var received = Assert.Single(_service.ReceivedFor(subscription));
        Assert.Equal("14400", received.Headers["TTL"]);
        Assert.Equal("normal", received.Headers["Urgency"]);
        Assert.False(received.Headers.ContainsKey("Topic"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_404_or_410_means_the_subscription_is_gone(int status)
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(status));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.Gone, result.Outcome);
        Assert.True(result.SubscriptionGone);
        Assert.Equal(status, result.StatusCode);
        Assert.Single(_service.ReceivedFor(subscription));
    }

    [Fact]
    public async Task A_429_is_rate_limited_with_the_retry_after_seconds_and_is_not_retried()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(429, "120"));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_service.ReceivedFor(subscription));
    }

    [Fact]
    public async Task A_429_with_an_http_date_gives_the_time_until_that_date()
    {
        var subscription = _service.CreateSubscription();
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        _service.Script(subscription, new StandInReply(429, until.ToString("r", CultureInfo.InvariantCulture)));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.RateLimited, result.Outcome);
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Theory]
    [InlineData(413, PushOutcome.PayloadTooLarge)]
    [InlineData(400, PushOutcome.Rejected)]
    [InlineData(403, PushOutcome.Rejected)]
    public async Task Other_client_errors_are_final_at_once(int status, PushOutcome expected)
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(status));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Single(_service.ReceivedFor(subscription));
    }

    [Fact]
    public async Task A_500_burst_shorter_than_the_retry_budget_ends_delivered()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(500), new StandInReply(503));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("retry me"));

        Assert.Equal(new PushResult(PushOutcome.Delivered, 201, 3), result);
        Assert.Equal([500, 503, 201], _service.ReceivedFor(subscription).Select(m => m.StatusCode));
        Assert.All(_service.ReceivedFor(subscription), m => Assert.Equal("retry me", Encoding.UTF8.GetString(m.Plaintext!)));
    }

    [Fact]
    public async Task A_500_burst_longer_than_the_retry_budget_is_a_transient_failure_after_exactly_max_attempts()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(500), new StandInReply(500), new StandInReply(500), new StandInReply(500));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.TransientFailure, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _service.ReceivedFor(subscription).Count);
    }

    [Fact]
    public async Task An_unreachable_push_service_is_a_transient_failure_not_an_exception()
    {
        var subscription = _service.CreateSubscription();
        var unreachable = Subscribe(subscription) with { Endpoint = "http://127.0.0.1:1/push/x" };

        var result = await Sender().SendAsync(unreachable, PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.TransientFailure, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_before_anything_is_sent()
    {
        var subscription = _service.CreateSubscription();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Sender().SendAsync(Subscribe(subscription), new PushMessage(new byte[WebPushEncryptor.MaxPlaintextLength + 1])));

        Assert.Contains("at most 3993 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.ReceivedFor(subscription));
    }

    [Fact]
    public async Task A_topic_outside_the_rfc_8030_alphabet_is_refused_before_anything_is_sent()
    {
        var subscription = _service.CreateSubscription();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}") with { Topic = "todoist:12345" }));

        Assert.Empty(_service.ReceivedFor(subscription));
    }

    [Fact]
    public async Task Every_attempt_and_outcome_is_counted_on_the_oo_push_meter()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(500));
        var attempts = new List<string>();
        var outcomes = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PushMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var target = instrument.Name == "oo.push.attempts" ? attempts : outcomes;
            lock (target)
            {
                target.Add(tags[0].Value!.ToString()!);
            }
        });
        listener.Start();

        await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(["500", "201"], attempts);
        Assert.Equal(["Delivered"], outcomes);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var subscription = _service.CreateSubscription();
        var elsewhere = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(307, Location: elsewhere.Endpoint.ToString()));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.Rejected, result.Outcome);
        Assert.Equal(307, result.StatusCode);
        Assert.Single(_service.ReceivedFor(subscription));
        Assert.Empty(_service.ReceivedFor(elsewhere));
    }

    [Fact]
    public async Task A_huge_answer_is_read_only_to_a_small_bound()
    {
        const long huge = 256L * 1024 * 1024;
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(400, BodyBytes: huge));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.Rejected, result.Outcome);
        Assert.InRange(result.Detail!.Length, 1, 200);
        // The client stopped reading and closed the connection long before the end of the answer.
        await Eventually.True(
            () => Task.FromResult(_service.ClientHungUp(subscription) is not null), TimeSpan.FromSeconds(20), "the stand-in to stop sending");
        Assert.True(_service.ClientHungUp(subscription), "the sender read the whole answer instead of closing the connection");
    }

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_waited_out_and_retried()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(429, "1"));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(new PushResult(PushOutcome.Delivered, 201, 2), result);
        Assert.Equal([429, 201], _service.ReceivedFor(subscription).Select(m => m.StatusCode));
    }

    [Fact]
    public async Task Nothing_logged_while_sending_names_the_endpoint()
    {
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(503), new StandInReply(410));

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.Gone, result.Outcome);
        Assert.Equal(2, _service.ReceivedFor(subscription).Count);
        Assert.Empty(_logs.Containing(subscription.Id));
        Assert.Empty(_logs.Containing("/push/"));
    }

    [Fact]
    public async Task A_public_name_that_resolves_to_a_private_address_is_refused_at_connect_time_and_not_retried()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OO:Push:KeyDirectory"] = _keyDirectory, ["OO:Push:RetryBaseDelay"] = "00:00:00.010" })
            .Build();
        var resolved = new List<string>();
        await using var provider = new ServiceCollection()
            // DNS rebinding: the name passed the subscribe-time check, its address now is internal.
            .AddSingleton(new PushEndpointGuard(allowLoopback: false, (host, _) =>
            {
                lock (resolved)
                {
                    resolved.Add(host);
                }

                return Task.FromResult(new[] { IPAddress.Parse("10.0.0.7") });
            }))
            .AddWebPush(configuration)
            .BuildServiceProvider();
        var subscription = _service.CreateSubscription();

        var result = await provider.GetRequiredService<WebPushSender>().SendAsync(
            Subscribe(subscription) with { Endpoint = "https://push.example.com/send/1" }, PushMessage.FromText("{}"));

        Assert.Equal(PushOutcome.Rejected, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(["push.example.com"], resolved);
    }

    [Fact]
    public async Task An_answer_whose_body_trickles_is_read_for_about_a_second_only()
    {
        var subscription = _service.CreateSubscription();
        // Headers at once, then a byte every 200 ms for over a minute: the body is only for logs.
        _service.Script(subscription, new StandInReply(400, BodyBytes: 400, TrickleEvery: TimeSpan.FromMilliseconds(200)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await Sender().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        // About 1 s; a read bounded by the attempt limit alone took 10 s.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(PushOutcome.Rejected, result.Outcome);
        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task Headers_just_before_the_total_limit_then_a_trickled_body_end_the_send_at_the_total_limit()
    {
        var total = TimeSpan.FromSeconds(4);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OO:Push:KeyDirectory"] = _keyDirectory,
                ["OO:Push:MaxAttempts"] = "1",
                ["OO:Push:AttemptTimeout"] = total.ToString(),
                ["OO:Push:TotalTimeout"] = total.ToString(),
                ["OO:Push:AllowLoopbackEndpoints"] = "true",
            })
            .Build();
        await using var provider = new ServiceCollection().AddWebPush(configuration).BuildServiceProvider();
        var subscription = _service.CreateSubscription();
        _service.Script(subscription, new StandInReply(
            400, BodyBytes: 400, HeadersAfter: total - TimeSpan.FromMilliseconds(500), TrickleEvery: TimeSpan.FromMilliseconds(200)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await provider.GetRequiredService<WebPushSender>().SendAsync(Subscribe(subscription), PushMessage.FromText("{}"));

        // One deadline for the send, the body included: at most 4 s (plus scheduling slack); reading
        // the body on a fresh limit after the headers took 3.5 s + 4 s.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, total + TimeSpan.FromSeconds(2));
        // Either way a failure, never delivered; the test push shows it as "failed".
        Assert.Contains(result.Outcome, new[] { PushOutcome.Rejected, PushOutcome.TransientFailure });
    }

    private WebPushSender Sender() => _provider.GetRequiredService<WebPushSender>();

    private static PushSubscription Subscribe(StandInSubscription subscription) =>
        new(subscription.Endpoint.ToString(), subscription.P256dh, subscription.Auth);
}
