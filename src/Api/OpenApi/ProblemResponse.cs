using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OO.Api.OpenApi;

/// <summary>One wording per problem status, and the <c>application/problem+json</c> response that carries it.</summary>
internal static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: a malformed or wrong-typed body, or a field out of range (a validation problem names each field in `errors`).",
        [StatusCodes.Status401Unauthorized] = "No valid session: sign in first.",
        [StatusCodes.Status403Forbidden] = "Signed in, but not allowed to do this.",
        [StatusCodes.Status404NotFound] = "What the path names does not exist, or is not the caller's.",
        [StatusCodes.Status409Conflict] = "The request conflicts with the current state.",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is larger than the server accepts.",
        [StatusCodes.Status415UnsupportedMediaType] = "Send `Content-Type: application/json` (on every POST, even one without a body).",
        [StatusCodes.Status429TooManyRequests] = "Too many requests from this caller in the current window; `Retry-After` says when to try again.",
        [StatusCodes.Status503ServiceUnavailable] = "An outside service could not be reached; try again in a moment.",
    };

    /// <summary>The sentence for <paramref name="status"/>, or null when the status is not a problem.</summary>
    public static string? Describe(int status) => Descriptions.GetValueOrDefault(status);

    /// <summary>Adds the problem response for <paramref name="status"/> unless the endpoint already declares one.</summary>
    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = Describe(status) ?? ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = await SchemaAsync(context, cancellationToken) },
            },
        };
    }

    private static async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string id = nameof(ProblemDetails);
        var document = context.Document ?? throw new InvalidOperationException("The operation is generated outside a document.");
        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            document.AddComponent(id, schema);
        }

        return new OpenApiSchemaReference(id, document);
    }
}
