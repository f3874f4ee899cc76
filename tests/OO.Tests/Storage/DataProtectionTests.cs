using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OO.Silo;
using OO.Silo.Configuration;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Storage;

/// <summary>With a certificate configured, Data Protection keys are stored encrypted, on both engines.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DataProtectionTests(PostgresServer postgres)
{
    private static readonly string Password = Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_restarted_host_still_reads_the_session(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:DataProtection:CertificatePath"] = WriteCertificate();
        settings["OO:DataProtection:CertificatePassword"] = Password;
        var cookies = new CookieContainer();
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            await first.SignInAsync($"user-{Guid.NewGuid():N}@example.com", cookies);
        }

        var keys = engine == "postgres"
            ? await AnalyticsRows.ReadAsync(settings, "SELECT xml FROM oo_dataprotection_keys")
            : Directory.GetFiles(Path.Combine(settings["OO:DataDirectory"]!, "keys"), "*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using var second = await OOTestHost.StartAsync(settings);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient(cookies).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public void A_certificate_path_that_names_no_file_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<OOConfigurationException>(() => OOHost.Build([], builder =>
        {
            builder.Configuration["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}");
            builder.Configuration["OO:DataProtection:CertificatePath"] = "/no/such/certificate.pfx";
            // Production (the default environment here) also needs its public URL before it gets this far.
            builder.Configuration["OO:PublicBaseUrl"] = "https://oo.example.com";
        }));

        Assert.StartsWith("OO__DataProtection__CertificatePath", error.Message, StringComparison.Ordinal);
    }

    private static string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=oO test Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"oo-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
