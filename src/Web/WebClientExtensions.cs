using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace OO.Web;

public static class WebClientExtensions
{
    // Clean page addresses and the embedded file behind each; "/" is the tip page (index.html).
    private static readonly Dictionary<string, string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/signin"] = "/signin.html",
        ["/connect"] = "/connect.html",
        ["/settings"] = "/settings.html",
        ["/legal/terms"] = "/legal/terms.html",
        ["/legal/privacy"] = "/legal/privacy.html",
    };

    /// <summary>
    /// Serves the web client (embedded in this assembly) at the site root. Pages are static and ask
    /// the API who is signed in, so the same files also work as the offline shell; the tip page sends
    /// a signed-out visitor to <c>/signin</c>.
    /// </summary>
    public static IApplicationBuilder UseWebClient(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(WebClientExtensions).Assembly, "OO.Web.wwwroot");
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (Pages.TryGetValue(path.Length > 1 ? path.TrimEnd('/') : path, out var file)
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Request.Path = file;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Revalidate every time: a deploy must never leave an old page next to a new API.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
