using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OO.Api.OpenApi;

/// <summary>
/// Reads each endpoint's authorization metadata: an endpoint that requires a signed-in person carries
/// the session requirement and a 401; one that requires a role or policy also a 403; an anonymous one
/// says explicitly that it needs no session.
/// </summary>
internal sealed class SessionSecurityTransformer : IOpenApiOperationTransformer
{
    public const string SchemeName = "session";

    public const string CookieName = "oo.session";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requirements = metadata.OfType<IAuthorizeData>().ToList();
        if (requirements.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] },
        ];
        await ProblemResponse.AddAsync(operation, context, StatusCodes.Status401Unauthorized, cancellationToken);
        if (requirements.Any(r => r.Policy is not null || r.Roles is not null))
        {
            await ProblemResponse.AddAsync(operation, context, StatusCodes.Status403Forbidden, cancellationToken);
        }
    }
}
