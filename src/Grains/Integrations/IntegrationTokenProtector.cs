using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>
/// Encrypts a source's tokens with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>) before
/// they leave the integration grain, so only ciphertext is ever handed on or stored.
/// </summary>
public sealed class IntegrationTokenProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "oO.IntegrationTokens";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(SourceTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return _protector.Protect(JsonSerializer.Serialize(new Payload(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt)));
    }

    /// <summary>The tokens in <paramref name="protectedTokens"/>.</summary>
    /// <exception cref="TaskSourceException">
    /// <see cref="TaskSourceFault.TokensUnreadable"/> when the ciphertext cannot be read: the keys that wrote it
    /// are missing on this silo (lost, not yet replicated, rotated out) or it was altered.
    /// </exception>
    public SourceTokens Unprotect(string protectedTokens)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(_protector.Unprotect(protectedTokens)) is { AccessToken.Length: > 0 } payload
                ? new SourceTokens(payload.AccessToken, payload.RefreshToken, payload.ExpiresAt)
                : throw new TaskSourceException(TaskSourceFault.TokensUnreadable, "The stored tokens decrypt to no access token.");
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            throw new TaskSourceException(TaskSourceFault.TokensUnreadable, "The stored tokens cannot be decrypted with this server's Data Protection keys.", innerException: ex);
        }
    }

    private sealed record Payload(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt);
}
