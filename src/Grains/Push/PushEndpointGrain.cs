using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Interfaces.Push;

namespace OO.Grains.Push;

/// <summary>
/// The owner of one push endpoint. It never calls out, so a user grain may call it inside its own
/// turn without any risk of a call cycle; telling the previous owner to drop the device is the
/// new owner's job.
/// </summary>
public sealed class PushEndpointGrain(
    [PersistentState("push-endpoint", StorageNames.Default)] IPersistentState<PushEndpointState> state,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time) : Grain, IPushEndpointGrain
{
    async Task<string?> IPushEndpointGrain.Claim(string userId)
    {
        var previous = state.State.OwnerId;
        if (previous == userId)
        {
            return null;
        }

        state.State.OwnerId = userId;
        state.State.ClaimedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return previous;
    }

    async Task IPushEndpointGrain.Release(string userId)
    {
        if (state.State.OwnerId == userId)
        {
            // Cleared, not rewritten: a deleted account leaves no row naming it.
            await state.ClearStateAsync();
        }
    }

    Task<string?> IPushEndpointGrain.GetOwner() => Task.FromResult(state.State.OwnerId);
}
