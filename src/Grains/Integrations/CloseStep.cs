namespace OO.Grains.Integrations;

/// <summary>What <see cref="CloseReconciliation"/> says to do with a pending close.</summary>
public enum CloseStep
{
    /// <summary>Call the provider to close the task.</summary>
    Attempt,

    /// <summary>Sync first: only a listing taken after the last unclear attempt tells whether it worked.</summary>
    WaitForListing,

    /// <summary>The last attempt closed it after all: done, nothing to call.</summary>
    AlreadyClosed,
}
