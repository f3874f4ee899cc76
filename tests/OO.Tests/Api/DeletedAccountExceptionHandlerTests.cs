using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Auth;
using OO.Grains.Interfaces.Users;

namespace OO.Tests.Api;

/// <summary>
/// A request already past the session check when its account is deleted meets the grain's refusal;
/// it must read as "signed out" (401, cookie gone), not as a server error.
/// </summary>
public sealed class DeletedAccountExceptionHandlerTests
{
    [Fact]
    public async Task A_grain_refusing_a_deleted_account_answers_401_and_removes_the_cookie()
    {
        var (http, handler) = Arrange();

        var handled = await handler.TryHandleAsync(http, new UserDeletedException(), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Contains(http.Response.Headers.SetCookie, cookie => cookie!.StartsWith("oo.session=;", StringComparison.Ordinal));
        http.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("deleted", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_next_handler()
    {
        var (http, handler) = Arrange();

        var handled = await handler.TryHandleAsync(http, new InvalidOperationException(), CancellationToken.None);

        Assert.False(handled);
        Assert.Equal(0, http.Response.Headers.SetCookie.Count);
    }

    private static (DefaultHttpContext Http, DeletedAccountExceptionHandler Handler) Arrange()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie => cookie.Cookie.Name = "oo.session");
        var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Response.Body = new MemoryStream();
        http.Request.Headers.Accept = "application/json";
        return (http, ActivatorUtilities.CreateInstance<DeletedAccountExceptionHandler>(provider));
    }
}
