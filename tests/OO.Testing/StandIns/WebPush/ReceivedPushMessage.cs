namespace OO.Testing.StandIns.WebPush;

/// <summary>One request the stand-in received, and what it made of it.</summary>
/// <param name="SubscriptionId">The {id} of the path.</param>
/// <param name="Headers">Every request header (content headers included), first value each, case-insensitive names.</param>
/// <param name="Plaintext">The decrypted payload, or null when decryption failed.</param>
/// <param name="VapidError">Why the VAPID header was refused, or null when it verified.</param>
/// <param name="DecryptionError">Why decryption failed, or null.</param>
/// <param name="Claims">The verified JWT claims (aud, exp, sub), or null.</param>
/// <param name="StatusCode">The status answered.</param>
public sealed record ReceivedPushMessage(
    string SubscriptionId,
    IReadOnlyDictionary<string, string> Headers,
    byte[]? Plaintext,
    string? VapidError,
    string? DecryptionError,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Claims,
    int StatusCode);
