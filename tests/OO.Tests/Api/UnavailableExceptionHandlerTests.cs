using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Http;

namespace OO.Tests.Api;

/// <summary>A grain call that ran out of time is "busy, try again" (503), never a 500.</summary>
public sealed class UnavailableExceptionHandlerTests
{
    [Fact]
    public async Task A_timed_out_grain_call_answers_503_with_retry_after()
    {
        var (http, handler) = Arrange();

        var handled = await handler.TryHandleAsync(http, new TimeoutException("Response did not arrive on time"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Response did not arrive", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_next_handler()
    {
        var (http, handler) = Arrange();

        Assert.False(await handler.TryHandleAsync(http, new InvalidOperationException(), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
    }

    private static (DefaultHttpContext Http, UnavailableExceptionHandler Handler) Arrange()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Response.Body = new MemoryStream();
        http.Request.Headers.Accept = "application/json";
        return (http, ActivatorUtilities.CreateInstance<UnavailableExceptionHandler>(provider));
    }
}
