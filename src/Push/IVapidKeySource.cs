namespace OO.Push;

/// <summary>
/// Where the generated VAPID pair is kept when none is configured: a file for one process, a shared
/// store for a cluster, so that every process signs pushes with the one pair its subscriptions were
/// made with.
/// </summary>
public interface IVapidKeySource
{
    /// <summary>Where the pair is kept, for messages to an operator (never the keys themselves).</summary>
    string Location { get; }

    /// <summary>The stored pair, or a pair generated and stored now; concurrent callers all get the same one.</summary>
    /// <exception cref="InvalidOperationException">The stored pair is unreadable.</exception>
    VapidKeys LoadOrCreate();
}
