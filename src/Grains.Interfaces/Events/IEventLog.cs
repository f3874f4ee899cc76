namespace OO.Grains.Interfaces.Events;

/// <summary>
/// Reads the durable event log (<c>oo_events</c>). A service of the host, not a grain: the console and the admin
/// API read through it; grains publish through the grains' event sink.
/// </summary>
public interface IEventLog
{
    /// <summary>Stored events matching <paramref name="filter"/>, newest first.</summary>
    Task<IReadOnlyList<OOEvent>> QueryAsync(EventFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Events matching <paramref name="filter"/> as they are stored, oldest first, from every silo of the cluster,
    /// until <paramref name="cancellationToken"/> ends the tail. Starts after <see cref="EventFilter.AfterId"/>,
    /// or at the newest event when it is null.
    /// </summary>
    IAsyncEnumerable<OOEvent> TailAsync(EventFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers the stored event <paramref name="eventId"/> again to the grain it concerns (re-applies a task
    /// snapshot, re-folds a reward), idempotently: what was already applied is not applied twice. Audited as an
    /// <c>admin.action</c> by <paramref name="actingAdminId"/>.
    /// </summary>
    Task<ReplayResult> ReplayAsync(long eventId, string actingAdminId, CancellationToken cancellationToken);
}
