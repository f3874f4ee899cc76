using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OO.Api.Http;

/// <summary>
/// State-changing calls carry JSON or nothing. Besides clear errors, this keeps plain HTML forms
/// on other sites from posting to oO with the person's cookie.
/// </summary>
public static class JsonBodiesOnly
{
    public static IApplicationBuilder UseJsonBodiesOnly(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var changesState = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
                || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
            if (changesState && hasBody && IsApiPath(request.Path) && !request.HasJsonContentType())
            {
                await Results.Problem(
                    "Send the request body as JSON, with Content-Type: application/json.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type").ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/auth");
}
