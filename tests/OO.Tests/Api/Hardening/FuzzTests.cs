using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OO.Testing;
using OO.Testing.StandIns;
using Xunit.Abstractions;

namespace OO.Tests.Api.Hardening;

/// <summary>
/// No request a caller can make produces a 5xx: every operation of the app's own OpenAPI document,
/// and the dashboard's routes, with malformed, wrong-typed, oversized, deep and empty bodies and
/// odd path and query values, signed out and signed in (as an administrator), in Development and
/// in Production.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] OddValues =
    [
        new string('a', 3000), "ü✓🙂", "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "-1", "9999999999999999999999", "%FF%FE", "a%20b",
    ];

    private static readonly string[] DashboardPaths =
    [
        "/dashboard/SiloStats/notanaddress", "/dashboard/SiloProperties/notanaddress", "/dashboard/SiloMetadata/notanaddress",
        "/dashboard/SiloCounters/notanaddress", "/dashboard/SiloStats/1.2.3.4:5:6", "/dashboard/HistoricalStats/notanaddress",
        "/dashboard/GrainStats/No.Such.Grain", "/dashboard/Reminders/99999", "/dashboard/Reminders/0", "/dashboard/GrainState",
        "/dashboard/GrainState?grainId=x&grainType=y", "/dashboard/GrainState?grainId=%00&grainType=%00", "/dashboard/version",
        "/dashboard/DashboardCounters", "/dashboard/ClusterStats", "/dashboard/Reminders", "/dashboard/TopGrainMethods",
        "/dashboard/LifecycleStages", "/dashboard/GrainTypes", "/dashboard/fonts/..%2F..%2Fappsettings.json", "/dashboard/img/%00",
        "/dashboard/SiloStats/%00", "/dashboard/SiloStats/" + new string('9', 3000), "/dashboard/SiloStats/10.0.0.5:11111@123456789",
        "/dashboard/HistoricalStats/10.0.0.5:11111@123456789", "/dashboard/SiloCounters/10.0.0.5:11111@123456789",
        "/dashboard/SiloProperties/10.0.0.5:11111@123456789", "/dashboard/SiloMetadata/10.0.0.5:11111@123456789",
        "/dashboard/HistoricalStats/x/y/z", "/dashboard/GrainStats/%00",
    ];

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task No_request_produces_a_server_error(string environment)
    {
        await using var provider = await OidcStandIn.StartAsync();
        await using var oo = await EdgeHost.StartAsync(environment, new Dictionary<string, string?>
        {
            ["OO:Auth:Google:Authority"] = provider.Issuer,
            ["OO:Auth:Google:ClientId"] = OidcStandIn.ClientId,
            ["OO:Auth:Google:ClientSecret"] = OidcStandIn.ClientSecret,
            ["OO:Todoist:ClientId"] = "fuzz-client",
            ["OO:Todoist:ClientSecret"] = "fuzz-secret",
        });
        using var anonymous = EdgeHost.Client(oo);
        using var admin = await EdgeHost.SignedInClient(oo, EdgeHost.AdminEmail);
        // The signed-in client reaches what only administrators may.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/version")).StatusCode);
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var requests = Requests(document).ToList();
        // Deleting the account or signing out would end the session for the requests after it.
        var ordered = requests.OrderBy(r => r.Path.StartsWith("/api/me", StringComparison.Ordinal) && r.Method == "DELETE" || r.Path == "/auth/signout").ToList();
        Assert.True(ordered.Count > 100, $"Only {ordered.Count} requests were generated.");

        List<string> failures = [];
        var sent = 0;
        foreach (var client in new[] { anonymous, admin })
        {
            foreach (var request in ordered)
            {
                using var message = request.ToMessage();
                sent++;
                try
                {
                    using var response = await client.SendAsync(message);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {request}");
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"{error.Message} {request}");
                }
            }
        }

        output.WriteLine($"{environment}: {sent} requests, {failures.Count} server errors.");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct().Take(40)));
    }

    private static IEnumerable<FuzzRequest> Requests(JsonNode document)
    {
        // The dashboard's routes are fuzzed from the list below (its /Trace streams until the client leaves).
        foreach (var (template, item) in document["paths"]!.AsObject().Where(p => !p.Key.StartsWith("/dashboard", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var verb = method.ToUpperInvariant();
                var parameters = operation!["parameters"]?.AsArray().Select(p => (Name: (string)p!["name"]!, In: (string)p["in"]!)).ToList() ?? [];
                var hasBody = operation["requestBody"] is not null || verb is "POST" or "PUT";

                foreach (var odd in OddValues.Prepend("x"))
                {
                    var path = Fill(template, parameters, odd);
                    yield return new FuzzRequest(verb, path, hasBody ? "{}" : null, "application/json", $"odd value '{Short(odd)}'");
                }

                if (!hasBody)
                {
                    continue;
                }

                var normal = Fill(template, parameters, "x");
                foreach (var (label, body, type) in Bodies(operation, document))
                {
                    yield return new FuzzRequest(verb, normal, body, type, label);
                }
            }
        }

        foreach (var path in DashboardPaths)
        {
            yield return new FuzzRequest("GET", path, null, null, "dashboard");
        }

        yield return new FuzzRequest("GET", "/signin-google?code=x&state=x", null, null, "callback with a forged state");
        yield return new FuzzRequest("GET", "/signin-google?error=access_denied&state=x", null, null, "callback with an error");
        yield return new FuzzRequest("POST", "/signin-google", "code=x&state=x", "application/x-www-form-urlencoded", "form callback");
        yield return new FuzzRequest("GET", "/signout-google", null, null, "remote sign-out");
        yield return new FuzzRequest("GET", "/signout-callback-oidc", null, null, "remote sign-out callback");
    }

    private static IEnumerable<(string Label, string? Body, string? ContentType)> Bodies(JsonNode operation, JsonNode document)
    {
        yield return ("malformed JSON", "{\"a\":", "application/json");
        yield return ("not JSON at all", "<xml/>", "application/json");
        yield return ("empty body", "", "application/json");
        yield return ("JSON null", "null", "application/json");
        yield return ("a JSON array", "[1,2,3]", "application/json");
        yield return ("a JSON string", "\"text\"", "application/json");
        yield return ("deeply nested arrays", new string('[', 5000) + new string(']', 5000), "application/json");
        yield return ("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000), "application/json");
        yield return ("oversized body", $"{{\"a\":\"{new string('x', 200_000)}\"}}", "application/json");
        yield return ("form body", "a=1", "application/x-www-form-urlencoded");
        yield return ("no content type", "{}", null);
        yield return ("wrong-typed properties", WrongTyped(operation, document, nested: false), "application/json");
        yield return ("wrong-typed nested properties", WrongTyped(operation, document, nested: true), "application/json");
    }

    /// <summary>The request body's properties, each given a value of another JSON type.</summary>
    private static string WrongTyped(JsonNode operation, JsonNode document, bool nested)
    {
        var schema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], document);
        var body = new JsonObject();
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            var type = Resolve(property, document)?["type"]?.ToString() ?? "";
            body[name] = nested
                ? new JsonObject { ["a"] = new JsonArray(1, "x") }
                : type.Contains("string", StringComparison.Ordinal) ? JsonValue.Create(12345.678) : JsonValue.Create("not-a-" + type);
        }

        return body.ToJsonString();
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode document)
    {
        for (var depth = 0; depth < 10 && schema?["$ref"] is { } reference; depth++)
        {
            schema = reference.ToString().TrimStart('#', '/').Split('/').Aggregate<string, JsonNode?>(document, (node, part) => node?[part]);
        }

        return schema;
    }

    private static string Fill(string template, List<(string Name, string In)> parameters, string value)
    {
        var path = template;
        foreach (var (name, location) in parameters)
        {
            if (location == "path")
            {
                path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
            }
        }

        var query = parameters.Where(p => p.In == "query").Select(p => $"{Uri.EscapeDataString(p.Name)}={value}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static string Short(string value) => value.Length > 20 ? $"{value[..10]}…({value.Length})" : value;

    private sealed record FuzzRequest(string Method, string Path, string? Body, string? ContentType, string Label)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            // The server answers an oversized body early and closes the connection; the next request takes a new one.
            message.Headers.ConnectionClose = Body?.Length > 64 * 1024;
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                if (ContentType is not null)
                {
                    message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
                }
            }

            return message;
        }

        public override string ToString() => $"{Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)} ({Label})";
    }
}
