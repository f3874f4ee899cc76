namespace OO.Testing.StandIns.WebPush;

/// <summary>A scripted answer: a status, and what to send with it.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RetryAfter">The raw <c>Retry-After</c> header value (delta seconds or an HTTP date), or null.</param>
/// <param name="Location">A <c>Location</c> header (to script a redirect), or null.</param>
/// <param name="BodyBytes">How many bytes of body to send (to script a hostile, huge answer); 0 for none.</param>
/// <param name="HeadersAfter">How long to wait before sending the headers (a slow push service), or null.</param>
/// <param name="TrickleEvery">
/// Send the body one byte at a time with this pause between bytes (a hostile, slow answer), or null
/// to send it as fast as the client reads.
/// </param>
public sealed record StandInReply(
    int StatusCode, string? RetryAfter = null, string? Location = null, long BodyBytes = 0, TimeSpan? HeadersAfter = null, TimeSpan? TrickleEvery = null);
