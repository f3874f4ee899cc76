namespace OO.Grains.Interfaces.Identity;

/// <summary>
/// Remembers who signed in first, so that the embedded default has an admin without configuration.
/// A singleton (key 0); it is called once per sign-in, never on the tip path.
/// </summary>
[Alias("oo.IFirstUserGrain")]
public interface IFirstUserGrain : IGrainWithIntegerKey
{
    /// <summary>True when <paramref name="userId"/> is the first user (claiming the place if it is free).</summary>
    [Alias("IsFirst")]
    Task<bool> IsFirst(string userId);

    /// <summary>Frees the place when the first user deletes their account, so the next person to sign in administers.</summary>
    [Alias("Release")]
    Task Release(string userId);
}
