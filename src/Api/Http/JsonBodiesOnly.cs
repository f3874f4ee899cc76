using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OO.Api.Http;

/// <summary>
/// Every POST under <c>/api</c> and <c>/auth</c> carries <c>Content-Type: application/json</c>, with
/// or without a body; PUT, PATCH and DELETE bodies are JSON too. A page on another site can send a
/// "simple" cross-site POST (a form, or fetch without a preflight) with the person's cookie, but
/// never with a JSON content type: so none of them changes anything here. PUT and DELETE cannot be
/// sent cross-site without a preflight, which nothing here allows. The OpenID Connect callbacks
/// (Apple's form_post to <c>/signin-apple</c>) are outside <c>/api</c> and <c>/auth</c> on purpose:
/// the handler protects them with its state and nonce cookies.
/// </summary>
public static class JsonBodiesOnly
{
    public static IApplicationBuilder UseJsonBodiesOnly(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
            var mustBeJson = HttpMethods.IsPost(request.Method)
                || (hasBody && (HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)));
            if (mustBeJson && IsApiPath(request.Path) && !request.HasJsonContentType())
            {
                await Results.Problem(
                    "Send the request with Content-Type: application/json (a body of {} where there is nothing to say).",
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type").ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/auth");
}
