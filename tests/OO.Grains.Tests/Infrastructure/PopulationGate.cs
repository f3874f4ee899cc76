using OO.Grains.Interfaces.Learning;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>Holds every call that merges into the population grain while closed, as a slow or stuck grain would.</summary>
public sealed class PopulationGate : IIncomingGrainCallFilter
{
    private TaskCompletionSource _open = Opened();
    private int _held;

    /// <summary>How many merges are being held now.</summary>
    public int Held => Volatile.Read(ref _held);

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IPopulationGrain && context.InterfaceMethod.Name == nameof(IPopulationGrain.Merge))
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _open.Task;
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        await context.Invoke();
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
