namespace OO.GoogleCalendar.OAuth;

/// <summary>The OAuth endpoints named by the authority's discovery document.</summary>
/// <param name="Authorization">Where the browser goes to grant access.</param>
/// <param name="Token">Where codes and refresh tokens are traded for access tokens.</param>
/// <param name="Revocation">Where a grant is given back.</param>
public sealed record GoogleEndpoints(Uri Authorization, Uri Token, Uri Revocation);
