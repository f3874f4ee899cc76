using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OO.Browser.Tests.Infrastructure;

namespace OO.Browser.Tests;

/// <summary>Sign-in is limited per IP address and the API per user; both answer 429 with a problem and Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimits fixture) : IClassFixture<RateLimitTests.LowLimits>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_retry_after()
    {
        using var client = fixture.Host.CreateClient();

        // Three windows' worth in a burst: whatever window boundary falls inside, some must be refused.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < LowLimits.SignIns * 3; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/auth/dev", new { email = Person.NewEmail() }));
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, LowLimits.Window.TotalSeconds);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_api_limit_counts_each_user_on_their_own()
    {
        var alice = await fixture.SignInAfterWindowAsync();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < LowLimits.ApiCalls * 3 && refused is null; i++)
        {
            var response = await alice.GetAsync("/api/me");
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        var bob = await fixture.SignInAfterWindowAsync();

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>A host with limits low enough to reach in a test, and a short window so tests do not starve each other.</summary>
    public sealed class LowLimits : BrowserFixture
    {
        public const int SignIns = 3;
        public const int ApiCalls = 5;
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["OO:RateLimits:SignInPermitLimit"] = SignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OO:RateLimits:ApiPermitLimit"] = ApiCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OO:RateLimits:Window"] = Window.ToString(),
        };

        /// <summary>Signs a new person in once the sign-in window has room again.</summary>
        public async Task<HttpClient> SignInAfterWindowAsync()
        {
            var deadline = DateTime.UtcNow + (3 * Window);
            while (true)
            {
                var client = Host.CreateClient();
                var response = await client.PostAsJsonAsync("/auth/dev", new { email = Person.NewEmail() });
                if (response.IsSuccessStatusCode)
                {
                    return client;
                }

                client.Dispose();
                Assert.True(DateTime.UtcNow < deadline, $"Sign-in still refused ({response.StatusCode}) after {3 * Window.TotalSeconds} s.");
                await Task.Delay(500);
            }
        }
    }
}
