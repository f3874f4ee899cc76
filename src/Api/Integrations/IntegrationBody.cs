using OO.Grains.Interfaces.Integrations;

namespace OO.Api.Integrations;

/// <summary>One source as the Connect page shows it.</summary>
public sealed record IntegrationBody(
    string Provider,
    string DisplayName,
    string Status,
    DateTimeOffset? LastSyncAt,
    string? LastError,
    string? ConnectUrl)
{
    public static IntegrationBody From(IntegrationStatus status) =>
        new(
            status.Provider,
            DisplayNames.GetValueOrDefault(status.Provider, status.Provider),
            status.Connected ? "connected" : "disconnected",
            status.LastSyncAt,
            status.LastError,
            ConnectUrl: null);

    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        ["demo"] = "Demo tasks",
        ["todoist"] = "Todoist",
    };
}
