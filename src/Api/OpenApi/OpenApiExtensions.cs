using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OO.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: only the product's API (<c>/api</c>, <c>/auth</c>),
/// described once by transformers (info, the cookie scheme, the problem responses) so each endpoint
/// adds only its summary and the problems particular to it.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddOOOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = IsProductApi;
            options.CreateSchemaReferenceId = type => type.Type == typeof(HttpValidationProblemDetails)
                ? "ValidationProblemDetails"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer<ApiInfoTransformer>();
            options.AddOperationTransformer<SessionSecurityTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
        });

    /// <summary>Maps the document and, beside it, the interactive reference (<see cref="ApiReference"/>).</summary>
    public static IEndpointRouteBuilder MapOOOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapOOApiReference();
        return app;
    }

    // Everything else the process serves (the Orleans dashboard, health, metrics, this reference) is
    // operations, not the product's API, and would only teach a client routes it must not call.
    private static bool IsProductApi(ApiDescription description) =>
        description.RelativePath is { } path
        && (path.StartsWith("api/", StringComparison.Ordinal) || path == "api"
            || path.StartsWith("auth/", StringComparison.Ordinal) || path == "auth");
}
