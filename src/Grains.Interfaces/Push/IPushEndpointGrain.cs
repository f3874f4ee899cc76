namespace OO.Grains.Interfaces.Push;

/// <summary>
/// One push endpoint (one browser profile's subscription), keyed by <see cref="PushEndpointKey"/>:
/// records which user owns it, so an endpoint belongs to one user only and the latest
/// registration wins. Without it, a shared computer signed in by A and then by B would show A's
/// tips on B's screen.
/// </summary>
[Alias("oo.IPushEndpointGrain")]
public interface IPushEndpointGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes <paramref name="userId"/> the owner. Returns the previous owner, who must drop the
    /// device, or null when there was none or it was the same user.
    /// </summary>
    [Alias("Claim")]
    Task<string?> Claim(string userId);

    /// <summary>Forgets the owner if it is <paramref name="userId"/> (a later owner keeps it).</summary>
    [Alias("Release")]
    Task Release(string userId);

    /// <summary>The owner, or null.</summary>
    [Alias("GetOwner")]
    Task<string?> GetOwner();
}
