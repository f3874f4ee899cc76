using Orleans.Concurrency;

namespace OO.Grains.Interfaces.Push;

/// <summary>
/// Sends pushes outside the user grain's turn, so a slow or failing push service never holds up
/// the user's tips, and reports each outcome back to the user grain. Use key 0.
/// </summary>
[Alias("oo.IPushDispatcherGrain")]
public interface IPushDispatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Sends in the background; the caller does not wait. The outcome goes to the user grain.</summary>
    [Alias("Dispatch"), OneWay]
    Task Dispatch(PushDispatch dispatch);

    /// <summary>Sends and waits for the outcome (which also goes to the user grain).</summary>
    [Alias("Send")]
    Task<PushDispatchReport> Send(PushDispatch dispatch);
}
