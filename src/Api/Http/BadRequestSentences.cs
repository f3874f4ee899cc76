using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OO.Api.Http;

/// <summary>What a person is told when the request itself could not be read.</summary>
public static class BadRequestSentences
{
    /// <summary>The sentence for <paramref name="status"/>, or null for a status that is not about reading the request.</summary>
    public static string? For(int? status, long maxRequestBodySize) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "The request could not be read. Send JSON of the documented shape, and path and query values of the documented types.",
        StatusCodes.Status413PayloadTooLarge => string.Create(
            CultureInfo.InvariantCulture, $"The request body is too large: at most {maxRequestBodySize} bytes are accepted."),
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with Content-Type: application/json.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly. Send it again.",
        _ => null,
    };

    public static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status408RequestTimeout => "Request timeout",
        _ => "Bad request",
    };
}
