using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Users;

namespace OO.Grains.Identity;

/// <summary>
/// Remembers the first user to sign in, who administers the embedded default. The place is never freed,
/// and it is kept as a hash of the user id, so a deleted first user leaves nothing that names them while
/// their place stays taken.
/// </summary>
public sealed class FirstUserGrain(
    [PersistentState("first-user", StorageNames.Default)] IPersistentState<IdentityState> state) : Grain, IFirstUserGrain
{
    async Task<bool> IFirstUserGrain.IsFirst(string userId)
    {
        var hashed = IUserTombstoneGrain.KeyOf(userId);
        if (state.State.UserId is null)
        {
            state.State.UserId = hashed;
            await state.WriteStateAsync();
        }

        // Places taken before they were hashed hold the plain id.
        return state.State.UserId == hashed || state.State.UserId == userId;
    }
}
