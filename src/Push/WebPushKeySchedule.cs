namespace OO.Push;

/// <summary>
/// The intermediate values of one RFC 8291 encryption, named as the RFC names them, so a test
/// can compare each one with Section 5 and show where a mismatch starts.
/// </summary>
internal sealed record WebPushKeySchedule(
    byte[] EcdhSecret,
    byte[] PrkKey,
    byte[] Ikm,
    byte[] Prk,
    byte[] Cek,
    byte[] Nonce);
