using OO.Grains.Interfaces.Identity;

namespace OO.Grains.Identity;

/// <summary>One external login and the user id it always reaches.</summary>
public sealed class IdentityGrain(
    [PersistentState("identity", StorageNames.Default)] IPersistentState<IdentityState> state) : Grain, IIdentityGrain
{
    async Task<string> IIdentityGrain.GetOrCreateUserId()
    {
        if (state.State.UserId is { } existing)
        {
            return existing;
        }

        state.State.UserId = Guid.NewGuid().ToString("N");
        await state.WriteStateAsync();
        return state.State.UserId;
    }

    async Task IIdentityGrain.Forget(string userId)
    {
        if (state.State.UserId != userId)
        {
            return;
        }

        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }
}
