using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OO.Grains.Integrations;

/// <summary>
/// The rules of authorization <c>state</c> values: random, single use, short-lived, at most a few open at
/// once, and only their SHA-256 stored. Operates on the grain's stored list.
/// </summary>
public static class PendingAuthorizations
{
    /// <summary>How many unfinished authorizations one integration keeps (the oldest go first).</summary>
    public const int Kept = 5;

    /// <summary>Starts one: returns the state value for the authorize URL and records its hash.</summary>
    public static string Begin(List<PendingAuthorization> pending, DateTimeOffset now, TimeSpan lifetime)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        pending.RemoveAll(p => p.ExpiresAt <= now);
        pending.Add(new PendingAuthorization { StateHash = Hash(value), ExpiresAt = now + lifetime });
        if (pending.Count > Kept)
        {
            pending.RemoveRange(0, pending.Count - Kept);
        }

        return value;
    }

    /// <summary>
    /// Consumes <paramref name="value"/>: true when it was issued and has not expired (it is then gone for good).
    /// Expired entries are dropped either way; <paramref name="changed"/> says whether the list changed.
    /// </summary>
    public static bool TryConsume(List<PendingAuthorization> pending, string value, DateTimeOffset now, out bool changed)
    {
        var hash = Encoding.ASCII.GetBytes(Hash(value));
        var match = pending.FirstOrDefault(p => p.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(p.StateHash), hash));
        changed = pending.RemoveAll(p => p.ExpiresAt <= now) > 0;
        if (match is null)
        {
            return false;
        }

        pending.Remove(match);
        changed = true;
        return true;
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
