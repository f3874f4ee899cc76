namespace OO.Testing;

/// <summary>
/// One embedded (SQLite) host shared by a test class. Tests stay independent by signing in as
/// their own new user.
/// </summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private OOTestHost? _host;

    public OOTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The host's configuration, for tests that look into its database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"),
        ["OO:Auth:AdminEmails"] = "root@example.com",
        ["OO:Auth:FirstUserIsAdmin"] = "false",
    };

    public async Task InitializeAsync() => _host = await OOTestHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>An email no other test uses.</summary>
    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";
}
