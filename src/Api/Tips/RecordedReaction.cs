using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Tips;

/// <summary>
/// Makes a reaction idempotent: a repeat of the same reaction to the same tip (a client that retried
/// after losing the answer, or the API retrying a call whose silo died after the grain had recorded it)
/// finds it recorded and gets the first answer again, instead of a conflict. A different reaction to
/// a tip that already has one is still a conflict.
/// </summary>
public static class RecordedReaction
{
    /// <summary>The reward recorded for <paramref name="reaction"/> to <paramref name="tipId"/>, or null when the tip's recorded reaction is another.</summary>
    public static async Task<double?> RewardOfSameAsync(IUserGrain user, string tipId, Reaction reaction)
    {
        var view = await user.GetAdminView();
        var recorded = view?.RecentTips.FirstOrDefault(t => t.TipId == tipId);
        return recorded is { Reaction: { } name, Reward: { } reward }
            && string.Equals(name, reaction.ToString(), StringComparison.OrdinalIgnoreCase)
            ? reward
            : null;
    }
}
