using System.Text;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>Tokens reach storage only encrypted.</summary>
public sealed class TokenStorageTests
{
    [Fact]
    public async Task No_token_or_code_is_in_the_database_in_plaintext()
    {
        await using var env = await TodoistEnvironment.StartAsync(standInSetup: s => s.AccessTokenLifetime = TimeSpan.FromSeconds(30));
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Defrost the freezer");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);
        // Rotated tokens too: a 30 s token is refreshed at every sync.
        await Eventually.True(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return env.StandIn.TokenRequests.Count(f => f.GetValueOrDefault("grant_type") == "refresh_token") >= 2;
            },
            TodoistEnvironment.Patience,
            "refreshed tokens");
        await Task.Delay(500);

        var secrets = env.StandIn.IssuedSecrets;
        Assert.Contains(secrets, s => s.StartsWith("access-", StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.StartsWith("refresh-", StringComparison.Ordinal));
        Assert.Contains((await DatabaseScanner.FindAsync(env.Settings, "IntegrationTokens")), hit => hit.Length > 0);
        foreach (var secret in secrets)
        {
            Assert.Empty(await DatabaseScanner.FindAsync(env.Settings, secret));
        }

        var files = Directory.GetFiles(env.Settings["OO:DataDirectory"]!, "oo.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await ReadShared(file);
            foreach (var secret in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds a secret in plaintext.");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds a secret in UTF-16.");
            }
        }
    }

    private static async Task<byte[]> ReadShared(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
