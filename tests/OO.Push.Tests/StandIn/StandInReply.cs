namespace OO.Push.Tests.StandIn;

/// <summary>A scripted answer: a status, and a <c>Retry-After</c> value to send with it.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RetryAfter">The raw <c>Retry-After</c> header value (delta seconds or an HTTP date), or null.</param>
public sealed record StandInReply(int StatusCode, string? RetryAfter = null);
