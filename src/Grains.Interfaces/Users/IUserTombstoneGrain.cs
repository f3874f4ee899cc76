using System.Security.Cryptography;
using System.Text;

namespace OO.Grains.Interfaces.Users;

/// <summary>
/// The record that a user id was deleted, kept after everything else of the account is gone so that no
/// call (a racing sign-in, an old cookie) can revive the id. Keyed by <see cref="KeyOf"/>, a hash of the
/// id, so the record itself holds nothing that names the person.
/// </summary>
[Alias("oo.IUserTombstoneGrain")]
public interface IUserTombstoneGrain : IGrainWithStringKey
{
    /// <summary>When the id was deleted, or null when it never was.</summary>
    [Alias("DeletedAt")]
    Task<DateTimeOffset?> DeletedAt();

    /// <summary>Records the deletion (idempotent: the first time stays).</summary>
    [Alias("Record")]
    Task Record(DateTimeOffset deletedAt);

    /// <summary>The grain key of a user id's tombstone.</summary>
    static string KeyOf(string userId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
}
