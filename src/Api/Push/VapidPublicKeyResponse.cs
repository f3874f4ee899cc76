namespace OO.Api.Push;

/// <summary>The key a browser subscribes with (<c>applicationServerKey</c>), base64url.</summary>
public sealed record VapidPublicKeyResponse(string PublicKey);
