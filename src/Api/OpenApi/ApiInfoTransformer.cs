using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OO.Api.OpenApi;

/// <summary>The document's title, description, relative server, tag descriptions and the session cookie scheme.</summary>
internal sealed class ApiInfoTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Sign in (development sign-in, Google, Apple) and sign out; sets or clears the `oo.session` cookie.",
        ["Tips"] = "The one current tip and the reaction to it.",
        ["Me"] = "The signed-in person: who they are, their counts, and deleting the account.",
        ["Settings"] = "Time zone, quiet hours, daily push cap and notify-me.",
        ["Integrations"] = "Task sources: which are connected, connecting through OAuth, disconnecting.",
        ["Webhooks"] = "Deliveries from providers, verified by the provider's signature instead of a session.",
        ["Push"] = "Web Push devices of the signed-in person and a test notification.",
        ["Admin"] = "Administrators only: a user's state, profile and bandit; every write is audit-logged.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "oO API",
            Version = "1",
            Description = """
                The REST API behind oO's web client: one well-chosen tip at a time, the reaction to it,
                settings, task sources and Web Push devices. JSON over a cookie session (`oo.session`),
                which a sign-in under `/auth` sets. Every error a caller can cause is
                `application/problem+json` with a 4xx status. Every POST carries
                `Content-Type: application/json`, even without a body.
                """,
        };

        // Relative: the document describes whichever host serves it (behind a proxy, a cluster's Service).
        document.Servers = [new OpenApiServer { Url = "/" }];

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionSecurityTransformer.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = SessionSecurityTransformer.CookieName,
            Description = "The session cookie a sign-in under `/auth` sets (HttpOnly, SameSite=Lax, 30 days sliding).",
        };
        return Task.CompletedTask;
    }
}
