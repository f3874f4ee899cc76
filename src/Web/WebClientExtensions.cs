using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace OO.Web;

public static class WebClientExtensions
{
    /// <summary>Serves the web client (embedded in this assembly) at the site root; <c>/</c> is the tip page.</summary>
    public static IApplicationBuilder UseWebClient(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(WebClientExtensions).Assembly, "OO.Web.wwwroot");
        // The tip page signs people in when they have no session.
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/signin")
            {
                context.Request.Path = "/index.html";
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
