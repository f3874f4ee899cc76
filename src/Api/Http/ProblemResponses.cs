using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OO.Api.Http;

/// <summary>How oO's exception handlers answer: a status and a problem with a sentence for a person.</summary>
internal static class ProblemResponses
{
    public static ValueTask<bool> WriteAsync(
        this IProblemDetailsService problems, HttpContext http, Exception exception, int status, string title, string? detail)
    {
        http.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
