using OO.Grains.Interfaces.Integrations;

namespace OO.Grains.Integrations;

/// <summary>An account at a provider (<c>{provider}:{accountId}</c>) and the oO user it is connected to.</summary>
public sealed class SourceAccountGrain(
    [PersistentState("source-account", StorageNames.Default)] IPersistentState<SourceAccountState> state) : Grain, ISourceAccountGrain
{
    Task<string?> ISourceAccountGrain.GetUserId() => Task.FromResult(state.State.UserId);

    async Task ISourceAccountGrain.Link(string userId)
    {
        if (state.State.UserId != userId)
        {
            state.State.UserId = userId;
            await state.WriteStateAsync();
        }
    }

    async Task ISourceAccountGrain.Unlink(string userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
            this.DeactivateOnIdle();
        }
    }
}
