using OO.Learning.Features;
using OO.Push;

namespace OO.Grains.Users;

/// <summary>
/// The profile: statistics of the person's reactions (<see cref="UserProfileBuilder"/>), recomputed when its inputs
/// change — a reaction, a task completed in its source, a new time zone — and when it is older than
/// <see cref="FeatureRegistry.ProfileTtl"/> at a moment this grain writes anyway (a snapshot, the deliver reminder);
/// never on a read. It moves the push threshold (see the deliver partial) and feeds the learner's profile features.
/// </summary>
public sealed partial class UserGrain
{
    /// <summary>Recomputes the profile from the served-tip log; the caller writes the learning state.</summary>
    private void RebuildProfile(DateTimeOffset now) =>
        learning.State.Profile = UserProfileBuilder.Build(ProfileHistory(), now, TimeZone());

    /// <summary>Recomputes and writes the profile when it is past its TTL, or was never computed though there is history.</summary>
    private async Task RefreshProfileIfDue(DateTimeOffset now)
    {
        var profile = learning.State.Profile;
        var due = profile.CompletionRate.ComputedAt is { } at
            ? now - at > FeatureRegistry.ProfileTtl
            : State.Served.Any(s => s.HasOutcome);
        if (due)
        {
            RebuildProfile(now);
            await learning.WriteStateAsync();
        }
    }

    /// <summary>
    /// The reactions the profile reads, from the bounded served-tip log: a task completed in its source after it was
    /// shown counts as done, as it does for the reward.
    /// </summary>
    private IEnumerable<ReactionFact> ProfileHistory() =>
        State.Served
            .Where(s => s.HasOutcome)
            .Select(s => new ReactionFact(
                s.Tip.ServedAt,
                s.Reaction is { } reaction ? Name(reaction) : Reactions.Done,
                s.Reaction is not null && s.ReactedAt is { } at ? (long)(at - s.Tip.ServedAt).TotalMilliseconds : null));

    private static PushProfile PushProfileOf(UserProfile profile) =>
        profile.CompletionRate.ComputedAt is null
            ? PushProfile.None
            : new PushProfile(profile.ReactionCount, profile.CompletionRate.Value, profile.ActiveHourSin.Value, profile.ActiveHourCos.Value);
}
