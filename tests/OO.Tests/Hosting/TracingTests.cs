using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OO.Silo.Hosting;
using OO.Testing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace OO.Tests.Hosting;

/// <summary>A request is one trace from the API through the grains; traces leave the process only when an OTLP endpoint is set.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_tip_request_is_one_trace_from_the_api_span_to_the_grain_call()
    {
        var exported = new ConcurrentQueue<Activity>();
        await using var host = await OOTestHost.StartAsync(
            Settings(),
            services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new QueueExporter(exported)))));
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());

        var response = await client.GetAsync("/api/tip");
        Assert.True(response.IsSuccessStatusCode, $"GET /api/tip answered {(int)response.StatusCode}");

        // The server span ends just after the response is sent; wait for it to be exported.
        var server = await Eventually.Get(
            () => Task.FromResult(exported.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.GetTagItem("http.route") as string == "/api/tip")),
            TimeSpan.FromSeconds(10), "the server span of GET /api/tip");
        var trace = exported.Where(a => a.TraceId == server.TraceId).ToList();
        // A new user's first request may ask twice (before and after waiting for the first sync); each call is in the trace.
        var grainCalls = trace.Where(a => a.Source.Name == "Microsoft.Orleans.Application" && a.DisplayName.Contains("GetTip", StringComparison.Ordinal) && a.Kind == ActivityKind.Server).ToList();
        Assert.NotEmpty(grainCalls);
        Assert.All(grainCalls, call => Assert.Equal(server.TraceId, call.TraceId));
        Assert.Single(trace, a => a.Kind == ActivityKind.Server && a.Source.Name == server.Source.Name);
    }

    [Fact]
    public async Task Without_an_endpoint_no_otlp_exporter_is_registered()
    {
        List<ServiceDescriptor> services = [];
        await using var host = await OOTestHost.StartAsync(Settings(), collection => services.AddRange(collection));

        Assert.DoesNotContain(services, IsOtlpExporterService);
    }

    [Fact]
    public async Task With_an_endpoint_spans_reach_the_otlp_collector()
    {
        using var collector = new HttpListener();
        var port = FreePort.Next();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = collector.GetContextAsync();

        var settings = Settings();
        settings[TracingExtensions.OtlpEndpointKey] = $"http://127.0.0.1:{port}";
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        List<ServiceDescriptor> services = [];
        await using var host = await OOTestHost.StartAsync(settings, collection => services.AddRange(collection));
        Assert.Contains(services, IsOtlpExporterService);

        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        await client.GetAsync("/api/tip");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var request = (await received.WaitAsync(TimeSpan.FromSeconds(30))).Request;
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("/v1/traces", request.Url!.AbsolutePath);
        Assert.Equal("application/x-protobuf", request.ContentType);
    }

    [Fact]
    public void Exported_spans_keep_a_push_endpoint_s_origin_only_and_no_query()
    {
        using var outgoing = new Activity("POST");
        outgoing.SetTag("url.full", "https://push.example.net/wp/secret-device-token?x=1");
        using var incoming = new Activity("GET /api/integrations/{provider}/callback");
        incoming.SetTag("url.query", "?code=one-time-code&state=s");
        using var redaction = new TraceRedaction();

        redaction.OnEnd(outgoing);
        redaction.OnEnd(incoming);

        Assert.Equal("https://push.example.net", outgoing.GetTagItem("url.full"));
        Assert.Null(incoming.GetTagItem("url.query"));
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"),
    };

    private static bool IsOtlpExporterService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType.GenericTypeArguments.Contains(typeof(OtlpExporterOptions));

    /// <summary>Collects every exported span.</summary>
    private sealed class QueueExporter(ConcurrentQueue<Activity> exported) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                exported.Enqueue(activity);
            }

            return ExportResult.Success;
        }
    }
}
