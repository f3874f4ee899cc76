namespace OO.Api.Auth;

/// <summary>The external sign-ins this process offers, in the order the sign-in page lists them.</summary>
public sealed class ExternalSchemes(IReadOnlyList<ExternalScheme> all)
{
    public IReadOnlyList<ExternalScheme> All { get; } = all;
}
