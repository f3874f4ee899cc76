namespace OO.Grains.Interfaces.Identity;

/// <summary>
/// Maps one external login (<c>dev:{email}</c>, <c>google:{sub}</c>, <c>apple:{sub}</c>) to the
/// user id it always reaches. Keyed by the login.
/// </summary>
[Alias("oo.IIdentityGrain")]
public interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>The user id of this login, allocating a new one on first use.</summary>
    [Alias("GetOrCreateUserId")]
    Task<string> GetOrCreateUserId();

    /// <summary>
    /// Forgets the mapping when it still reaches <paramref name="userId"/> (account deletion): the next sign-in
    /// with this login creates a new user. A mapping that already moved on to a newer account is kept, so a late
    /// retry of a deletion never orphans the account the person made since.
    /// </summary>
    [Alias("Forget")]
    Task Forget(string userId);
}
