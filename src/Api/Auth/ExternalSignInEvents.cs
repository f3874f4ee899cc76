using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OO.Api.Auth;

/// <summary>
/// What happens when an OpenID Connect provider answers: a verified login becomes the same oO
/// session cookie as any other sign-in; a failed one sends the person back to the sign-in page.
/// </summary>
public static class ExternalSignInEvents
{
    public const string FailedPath = "/signin?error=external";

    public static Func<TicketReceivedContext, Task> OnTicketReceived(string provider) => async context =>
    {
        var principal = context.Principal;
        var subject = principal?.FindFirst("sub")?.Value;
        if (principal is null || string.IsNullOrEmpty(subject))
        {
            // Failing here would not stop the handler from signing in; answer and stop instead.
            Logger(context.HttpContext).LogWarning("A {Provider} sign-in named no subject.", provider);
            context.Response.Redirect(FailedPath);
            context.HandleResponse();
            return;
        }

        // Only a verified address is trusted: administrators are recognised by their email.
        var verified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var email = verified ? principal.FindFirst("email")?.Value?.Trim().ToLowerInvariant() ?? "" : "";

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionSignIn>();
        await sessions.SignInAsync(context.HttpContext, $"{provider}:{subject}", email);
        context.Response.Redirect(ReturnUrl.LocalOrRoot(context.ReturnUri));
        context.HandleResponse();
    };

    public static Task OnRemoteFailure(RemoteFailureContext context)
    {
        Logger(context.HttpContext).LogWarning(
            "An external sign-in through {Scheme} failed: {Reason}", context.Scheme.Name, context.Failure?.Message);
        context.Response.Redirect(FailedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInEvents));
}
