using System.Security.Cryptography;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>
/// A host with every operation mapped (development sign-in, Google and Apple configured; neither
/// provider is reached, since only a sign-in challenge would fetch its metadata) and one administrator.
/// </summary>
public sealed class OpenApiHostFixture : IAsyncLifetime
{
    public const string AdminEmail = "root@example.com";

    private OOTestHost? _host;

    public OOTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        using var appleKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _host = await OOTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"),
            ["OO:Auth:AdminEmails"] = AdminEmail,
            ["OO:Auth:FirstUserIsAdmin"] = "false",
            ["OO:Auth:Google:Authority"] = "http://127.0.0.1:9/",
            ["OO:Auth:Google:ClientId"] = "oo-test",
            ["OO:Auth:Google:ClientSecret"] = "oo-test-secret",
            ["OO:Auth:Apple:Authority"] = "http://127.0.0.1:9/",
            ["OO:Auth:Apple:ClientId"] = "oo-test",
            ["OO:Auth:Apple:TeamId"] = "TEAM",
            ["OO:Auth:Apple:KeyId"] = "KEY",
            ["OO:Auth:Apple:PrivateKey"] = appleKey.ExportPkcs8PrivateKeyPem(),
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
