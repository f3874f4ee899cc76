using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using OO.Silo.Configuration;

namespace OO.Silo.Storage;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Data Protection (cookies, integration tokens, the cluster's VAPID private key): keys in
    /// <c>data/keys</c> for the embedded default, in the database for a cluster so that every silo reads
    /// what another wrote. With <c>OO:DataProtection:CertificatePath</c> (a PKCS#12 file, in Kubernetes
    /// mounted from a Secret) each new key is encrypted with that certificate before it is stored, so the
    /// database or the data directory alone no longer holds readable keys.
    /// </summary>
    /// <exception cref="OOConfigurationException">The certificate is missing, unreadable or has no private key.</exception>
    public static IServiceCollection AddOODataProtection(this IServiceCollection services, HostSettings settings, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("oO");
        if (settings.IsEmbedded)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")));
        }
        else
        {
            services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(settings));
        }

        if (LoadCertificate(configuration) is { } certificate)
        {
            // Also registers it for decryption, so no certificate store is needed.
            protection.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        if (configuration["OO:DataProtection:CertificatePath"] is not { Length: > 0 } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new OOConfigurationException($"OO__DataProtection__CertificatePath names no file: '{path}'.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["OO:DataProtection:CertificatePassword"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new OOConfigurationException($"OO__DataProtection__CertificatePath: '{path}' holds no private key; Data Protection needs one to read its keys back.");
        }
        catch (CryptographicException error)
        {
            throw new OOConfigurationException(
                $"OO__DataProtection__CertificatePath: '{path}' is not a PKCS#12 file readable with OO__DataProtection__CertificatePassword ({error.Message}).");
        }
    }
}
