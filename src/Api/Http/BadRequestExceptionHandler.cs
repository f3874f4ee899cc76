using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OO.Api.Http;

/// <summary>
/// A request that cannot be read (malformed or wrong-typed JSON, a body over the limit, a missing
/// parameter) is the caller's error: its status (400, 413, 415, …) reaches them as a problem with a
/// sentence, never a 500. Minimal APIs throw these in every environment (the host sets
/// <c>ThrowOnBadRequest</c>), so this one place words them all.
/// </summary>
public sealed partial class BadRequestExceptionHandler(
    IProblemDetailsService problems, IOptions<HttpEdgeOptions> options, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted)
        {
            return false;
        }

        LogBadRequest(logger, bad.StatusCode, http.Request.Method, http.Request.Path);
        return await problems.WriteAsync(
            http, exception, bad.StatusCode, BadRequestSentences.Title(bad.StatusCode), BadRequestSentences.For(bad.StatusCode, options.Value.MaxRequestBodySize));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Method} {Path} could not be read ({Status}).")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, PathString path);
}
