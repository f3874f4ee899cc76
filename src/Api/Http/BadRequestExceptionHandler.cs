using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = Title(bad.StatusCode), Detail = Sentence(bad.StatusCode) },
        });
    }

    private string Sentence(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => string.Create(
            CultureInfo.InvariantCulture, $"The request body is too large: at most {options.Value.MaxRequestBodySize} bytes are accepted."),
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with Content-Type: application/json.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly. Send it again.",
        _ => "The request could not be read. Send JSON of the documented shape, and path and query values of the documented types.",
    };

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status408RequestTimeout => "Request timeout",
        _ => "Bad request",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Method} {Path} could not be read ({Status}).")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, PathString path);
}
