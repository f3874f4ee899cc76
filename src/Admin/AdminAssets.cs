using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OO.Admin;

/// <summary>Serves the console's stylesheet from the assembly, so the console needs no static files next to the silo.</summary>
internal static class AdminAssets
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(AdminAssets).Assembly.GetManifestResourceStream("OO.Admin.Assets.admin.css")
            ?? throw new InvalidOperationException("The console's stylesheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static RouteHandlerBuilder MapAdminAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/assets/admin.css", () => TypedResults.Bytes(Stylesheet.Value, "text/css; charset=utf-8"))
            .ExcludeFromDescription();
}
