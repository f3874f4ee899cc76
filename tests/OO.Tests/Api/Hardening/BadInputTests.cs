using System.Net;
using System.Text;
using System.Text.Json;

namespace OO.Tests.Api.Hardening;

/// <summary>An unreadable request is the caller's error: its status and a sentence, as a problem, in every environment.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("Development", "{\"reaction\":", "malformed")]
    [InlineData("Production", "{\"reaction\":", "malformed")]
    [InlineData("Development", "{\"reaction\":\"done\",\"dwellMs\":\"soon\"}", "wrong-typed")]
    [InlineData("Production", "{\"reaction\":\"done\",\"dwellMs\":\"soon\"}", "wrong-typed")]
    public async Task A_body_that_cannot_be_read_is_a_400_problem_with_a_sentence(string environment, string body, string kind)
    {
        await using var oo = await EdgeHost.StartAsync(environment);
        using var client = await EdgeHost.SignedInClient(oo, $"bad-{Guid.NewGuid():N}@example.com");

        using var response = await client.PostAsync("/api/tips/some-tip/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{kind} body: {(int)response.StatusCode}");
        var problem = await Problem(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("could not be read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_body_over_the_limit_is_a_413_problem(string environment)
    {
        await using var oo = await EdgeHost.StartAsync(environment, new Dictionary<string, string?> { ["OO:Http:MaxRequestBodySize"] = "1024" });
        using var client = await EdgeHost.SignedInClient(oo, $"big-{Guid.NewGuid():N}@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/settings")
        {
            Content = new StringContent($"{{\"timeZone\":\"{new string('x', 4096)}\"}}", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Problem(response);
        Assert.True(problem.TryGetProperty("detail", out var detail), problem.ToString());
        Assert.Contains("at most 1024 bytes", detail.GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
