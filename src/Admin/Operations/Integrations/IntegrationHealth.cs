namespace OO.Admin.Operations.Integrations;

/// <summary>
/// How the connected sources are doing, asked of each source's integration grain: how many were asked, how many need
/// the person to reconnect (the provider no longer accepts oO's token), how many report a fault, how many have not
/// synced for a day, and the faults by their sentence.
/// </summary>
public sealed record IntegrationHealth(
    int Connected,
    int Asked,
    int NeedsReconnection,
    int Failing,
    int NotSyncedForADay,
    IReadOnlyDictionary<string, int> FailuresByReason,
    IReadOnlyList<SourceHealth> BySource)
{
    public double? NeedsReconnectionRate => Asked == 0 ? null : (double)NeedsReconnection / Asked;

    public double? FailingRate => Asked == 0 ? null : (double)Failing / Asked;
}

/// <summary>The same, for one source.</summary>
public sealed record SourceHealth(string Source, int Asked, int NeedsReconnection, int Failing, int NotSyncedForADay, DateTimeOffset? LastSyncAt);
