using OO.Learning.Features;
using OO.Learning.Policies;

namespace OO.Grains.Learning;

/// <summary>
/// What the user grain learned, persisted apart from the rest of the user so that a reward writes
/// only this. Plain properties: the storage serializer (System.Text.Json) round-trips it as is.
/// </summary>
public sealed class LearningState
{
    /// <summary>The <see cref="FeatureRegistry.Version"/> the model was trained with; a different one resets the model.</summary>
    public int FeatureVersion { get; set; }

    /// <summary>The ridge-regression model every linear policy reads (the active one and the shadows).</summary>
    public LinearModelState? Model { get; set; }

    /// <summary>
    /// How many of <see cref="Model"/>'s updates were also pooled into the population model. When it equals the
    /// model's update count, deleting the account withdraws the model's whole contribution exactly; when it falls
    /// short (the prior was off for a while) the contribution is not separable and stays pooled.
    /// </summary>
    public long PopulationContributions { get; set; }

    /// <summary>Profile statistics, recomputed after reactions and when their TTL passes (never on a read), and by the admin rebuild.</summary>
    public UserProfile Profile { get; set; } = UserProfile.Empty;

    /// <summary>A per-user override of the active policy; null for the configured default.</summary>
    public string? PolicyOverride { get; set; }
}
