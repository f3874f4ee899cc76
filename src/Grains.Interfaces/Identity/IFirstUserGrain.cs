namespace OO.Grains.Interfaces.Identity;

/// <summary>
/// Remembers who signed in first, so that the embedded default has an admin without configuration.
/// A singleton (key 0); it is called once per sign-in, never on the tip path. The place is never
/// handed on: when that user deletes their account it stays taken by the deleted id, so the next
/// stranger to sign in does not inherit the administration.
/// </summary>
[Alias("oo.IFirstUserGrain")]
public interface IFirstUserGrain : IGrainWithIntegerKey
{
    /// <summary>True when <paramref name="userId"/> is the first user (claiming the place if it is free).</summary>
    [Alias("IsFirst")]
    Task<bool> IsFirst(string userId);
}
