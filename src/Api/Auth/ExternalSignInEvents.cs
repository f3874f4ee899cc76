using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OO.Api.Http;

namespace OO.Api.Auth;

/// <summary>
/// What happens when an OpenID Connect provider answers: a verified login becomes the same oO
/// session cookie as any other sign-in; a refused or failed one sends the person back to the
/// sign-in page with a reason it can show (<c>signin.js</c> words each one).
/// </summary>
public static partial class ExternalSignInEvents
{
    public const string FailedPath = "/signin?error=external";
    public const string AccessDeniedPath = "/signin?error=access_denied";
    public const string ProviderUnavailablePath = "/signin?error=provider_unavailable";

    public static Func<TicketReceivedContext, Task> OnTicketReceived(string provider) => async context =>
    {
        var principal = context.Principal;
        var subject = principal?.FindFirst("sub")?.Value;
        if (principal is null || string.IsNullOrEmpty(subject))
        {
            // Failing here would not stop the handler from signing in; answer and stop instead.
            LogNoSubject(Logger(context.HttpContext), provider);
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

    /// <summary>The callback URI the provider is given comes from <c>OO:PublicBaseUrl</c>, not from the request's Host.</summary>
    public static Task OnRedirectToIdentityProvider(RedirectContext context)
    {
        var origin = context.HttpContext.RequestServices.GetRequiredService<PublicOrigin>();
        // The handler keeps this URI after the event, and redeems the code with it, as the provider requires.
        context.ProtocolMessage.RedirectUri = origin.Absolute(context.Request, context.Options.CallbackPath);
        return Task.CompletedTask;
    }

    /// <summary>The person declined at the provider (<c>error=access_denied</c>).</summary>
    public static Task OnAccessDenied(AccessDeniedContext context)
    {
        context.Response.Redirect(AccessDeniedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>A bad state, an unreachable token endpoint, an invalid token: back to sign in, never an error page.</summary>
    public static Task OnRemoteFailure(RemoteFailureContext context)
    {
        LogFailed(Logger(context.HttpContext), context.Scheme.Name, FirstLine(context.Failure?.Message));
        context.Response.Redirect(IsUnreachable(context.Failure) ? ProviderUnavailablePath : FailedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static void LogProviderUnavailable(HttpContext http, string scheme, Exception error) =>
        LogUnavailable(Logger(http), scheme, FirstLine(error.Message));

    private static bool IsUnreachable(Exception? error) =>
        error switch
        {
            null => false,
            HttpRequestException or IOException or TaskCanceledException => true,
            // The handler wraps a failed discovery or key download in an InvalidOperationException.
            _ => IsUnreachable(error.InnerException),
        };

    // The identity library's messages append whole inner stack traces; the first sentence says what happened.
    private static string FirstLine(string? message) =>
        message is null ? "" : message.Split(". Exception:", 2)[0].Split('\n', 2)[0];

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInEvents));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Provider} sign-in named no subject.")]
    private static partial void LogNoSubject(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An external sign-in through {Scheme} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string scheme, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Scheme} sign-in provider could not be reached: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string scheme, string reason);
}
