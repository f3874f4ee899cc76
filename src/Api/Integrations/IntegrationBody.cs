using OO.Grains.Interfaces.Integrations;

namespace OO.Api.Integrations;

/// <summary>One source as the Connect page shows it.</summary>
/// <param name="Provider">The source's name (<c>demo</c>, <c>todoist</c>).</param>
/// <param name="DisplayName">The source's name for people.</param>
/// <param name="Status"><c>connected</c>, <c>disconnected</c> or <c>needs-reconnection</c>.</param>
/// <param name="LastSyncAt">When the last successful sync ended.</param>
/// <param name="LastError">A sentence about the latest fault, or null.</param>
/// <param name="ConnectUrl">Where the browser goes to connect (or reconnect) the source; null when there is nothing to do.</param>
public sealed record IntegrationBody(
    string Provider,
    string DisplayName,
    string Status,
    DateTimeOffset? LastSyncAt,
    string? LastError,
    string? ConnectUrl)
{
    public static IntegrationBody From(IntegrationStatus status)
    {
        var state = !status.Connected ? "disconnected" : status.NeedsReconnection ? "needs-reconnection" : "connected";
        return new(
            status.Provider,
            status.DisplayName ?? status.Provider,
            state,
            status.LastSyncAt,
            status.LastError,
            status.RequiresAuthorization && state != "connected" ? ConnectPath(status.Provider) : null);
    }

    /// <summary>A source the user can connect and has not.</summary>
    public static IntegrationBody Offered(OfferedSource source) =>
        new(source.Provider, source.DisplayName, "disconnected", LastSyncAt: null, LastError: null, ConnectPath(source.Provider));

    private static string ConnectPath(string provider) => $"/api/integrations/{Uri.EscapeDataString(provider)}/connect";
}
