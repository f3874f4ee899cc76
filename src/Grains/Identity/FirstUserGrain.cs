using OO.Grains.Interfaces.Identity;

namespace OO.Grains.Identity;

/// <summary>Remembers the first user to sign in, who administers the embedded default; the place is never freed.</summary>
public sealed class FirstUserGrain(
    [PersistentState("first-user", StorageNames.Default)] IPersistentState<IdentityState> state) : Grain, IFirstUserGrain
{
    async Task<bool> IFirstUserGrain.IsFirst(string userId)
    {
        if (state.State.UserId is null)
        {
            state.State.UserId = userId;
            await state.WriteStateAsync();
        }

        return state.State.UserId == userId;
    }
}
