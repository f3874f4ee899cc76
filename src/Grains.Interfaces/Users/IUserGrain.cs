using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Interfaces.Users;

/// <summary>
/// One person: their tasks, their learning state and their current tip. Keyed by the opaque user id.
/// </summary>
[Alias("oo.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user on first sign-in (connecting the demo source where it is on); later calls change nothing.</summary>
    [Alias("EnsureCreated")]
    Task<UserSummary> EnsureCreated(string email);

    /// <summary>The current tip, choosing a new one only when there is none or it expired; null when there is nothing to suggest.</summary>
    [Alias("GetTip")]
    Task<Tip?> GetTip();

    /// <summary>Records a reaction to a tip served to this user.</summary>
    [Alias("React")]
    Task<FeedbackOutcome> React(string tipId, Reaction reaction, long? dwellMs);

    [Alias("GetSummary")]
    Task<UserSummary> GetSummary();

    /// <summary>Replaces one source's tasks with a newer snapshot; older or repeated versions are ignored.</summary>
    [Alias("ApplySnapshot")]
    Task ApplySnapshot(TaskSnapshot snapshot);
}
