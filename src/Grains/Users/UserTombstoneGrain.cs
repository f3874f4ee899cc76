using OO.Grains.Interfaces.Users;

namespace OO.Grains.Users;

/// <summary>Remembers that one (hashed) user id was deleted; see <see cref="IUserTombstoneGrain"/>.</summary>
public sealed class UserTombstoneGrain(
    [PersistentState("tombstone", StorageNames.Default)] IPersistentState<UserTombstoneState> state) : Grain, IUserTombstoneGrain
{
    Task<DateTimeOffset?> IUserTombstoneGrain.DeletedAt() => Task.FromResult(state.State.DeletedAt);

    async Task IUserTombstoneGrain.Record(DateTimeOffset deletedAt)
    {
        if (state.State.DeletedAt is null)
        {
            state.State.DeletedAt = deletedAt;
            await state.WriteStateAsync();
        }
    }
}
