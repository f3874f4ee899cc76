using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OO.Api.OpenApi;

/// <summary>
/// The problems every endpoint of a kind can give, declared once from what the pipeline does:
/// a body can be malformed (400), too large (413) or not JSON (415, also for any POST: the
/// JSON-only rule keeps other sites' forms out); <c>/api</c> and <c>/auth</c> are rate limited
/// (429), signed webhooks excepted. Each problem response gets its sentence.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var hasBody = operation.RequestBody is not null;
        if (hasBody)
        {
            await ProblemResponse.AddAsync(operation, context, StatusCodes.Status400BadRequest, cancellationToken);
            await ProblemResponse.AddAsync(operation, context, StatusCodes.Status413PayloadTooLarge, cancellationToken);
        }

        if (hasBody || HttpMethods.IsPost(description.HttpMethod ?? ""))
        {
            await ProblemResponse.AddAsync(operation, context, StatusCodes.Status415UnsupportedMediaType, cancellationToken);
        }

        var path = description.RelativePath ?? "";
        if (!path.StartsWith("api/webhooks", StringComparison.Ordinal))
        {
            await ProblemResponse.AddAsync(operation, context, StatusCodes.Status429TooManyRequests, cancellationToken);
        }

        foreach (var (key, response) in operation.Responses ?? [])
        {
            if (int.TryParse(key, out var status) && ProblemResponse.Describe(status) is { } sentence
                && response is OpenApiResponse concrete && concrete.Description == ReasonPhrases.GetReasonPhrase(status))
            {
                concrete.Description = sentence;
            }
        }
    }
}
