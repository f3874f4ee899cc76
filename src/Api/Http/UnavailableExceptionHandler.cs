using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace OO.Api.Http;

/// <summary>
/// A grain call that timed out, or a message refused because a silo went away mid-call (any
/// <see cref="OrleansMessageRejectionException"/>, <see cref="SiloUnavailableException"/> among them), is the server being busy or changing,
/// not a fault of the caller nor a crash: 503 with a short <c>Retry-After</c>, so clients and load
/// balancers try again, instead of a 500. Whatever the grain had already written stays written.
/// </summary>
public sealed partial class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a caller is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (TimeoutException or OrleansMessageRejectionException) || http.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, exception, http.Request.Method, http.Request.Path);
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.WriteAsync(
            http, exception, StatusCodes.Status503ServiceUnavailable, "Busy", "oO could not finish this in time. Try again in a few seconds.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} ran out of time or lost its silo; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, PathString path);
}
