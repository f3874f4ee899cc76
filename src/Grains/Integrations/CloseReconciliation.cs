using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Integrations;

/// <summary>
/// Whether a pending close may be attempted now. After an attempt with no clear answer the task may
/// already be closed, and closing a recurring task twice would skip an occurrence: only a listing
/// taken after that attempt decides.
/// </summary>
public static class CloseReconciliation
{
    public static CloseStep Decide(PendingClose close, DateTimeOffset? listedAt, IReadOnlyList<SourceTask>? listing)
    {
        if (!close.Uncertain)
        {
            return CloseStep.Attempt;
        }

        if (listedAt is not { } at || at <= close.LastAttemptAt || listing is null)
        {
            return CloseStep.WaitForListing;
        }

        var listed = listing.FirstOrDefault(t => t.SourceRef == close.SourceRef);
        // Gone from the listing, or a recurring task that moved on to its next date: the attempt did close it.
        return listed is null || (close.DueKnown && (listed.DueDate != close.DueDate || listed.DueAt != close.DueAt))
            ? CloseStep.AlreadyClosed
            : CloseStep.Attempt;
    }
}
