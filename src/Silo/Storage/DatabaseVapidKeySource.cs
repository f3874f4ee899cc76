using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using OO.Push;
using OO.Silo.Configuration;

namespace OO.Silo.Storage;

/// <summary>
/// Keeps the cluster's generated VAPID pair in PostgreSQL (<c>oo_vapid_keys</c>), so every silo signs
/// pushes with the pair its users subscribed with. The first silo generates it under the schema lock and
/// every other reads it back. The private key is stored protected with Data Protection, whose key ring
/// the silos share through the same database: it is not readable from that one table, its dumps or logs.
/// </summary>
public sealed class DatabaseVapidKeySource(HostSettings settings, IDataProtectionProvider protection, TimeProvider time) : IVapidKeySource
{
    private const string Purpose = "OO.Push.VapidPrivateKey";

    public string Location => "the database (table oo_vapid_keys)";

    public VapidKeys LoadOrCreate()
    {
        var protector = protection.CreateProtector(Purpose);
        using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        // Silos starting together take turns, so one generates and protects the pair and the others only
        // read it (the insert below would also let exactly one win without the lock).
        Execute(connection, $"SELECT pg_advisory_lock({SchemaInstaller.PostgresLockKey})");
        try
        {
            var stored = Read(connection);
            if (stored is null)
            {
                var generated = VapidKeys.Generate();
                using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO oo_vapid_keys (id, public_key, protected_private_key, created_at)
                    VALUES (1, @public, @private, @at)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    connection);
                insert.Parameters.AddWithValue("public", generated.PublicKey);
                insert.Parameters.AddWithValue("private", protector.Protect(generated.PrivateKey));
                insert.Parameters.AddWithValue("at", time.GetUtcNow());
                insert.ExecuteNonQuery();
                stored = Read(connection) ?? throw new InvalidOperationException("The VAPID pair written to oo_vapid_keys could not be read back.");
            }

            return Unprotect(protector, stored.Value);
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({SchemaInstaller.PostgresLockKey})");
        }
    }

    private static VapidKeys Unprotect(IDataProtector protector, (string PublicKey, string ProtectedPrivateKey) stored)
    {
        try
        {
            return VapidKeys.FromBase64Url(stored.PublicKey, protector.Unprotect(stored.ProtectedPrivateKey));
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                "The cluster's VAPID pair in oo_vapid_keys cannot be read with the Data Protection keys in oo_dataprotection_keys. "
                + "Restore those keys, or configure OO__Push__VapidPublicKey and OO__Push__VapidPrivateKey; deleting the row makes a new pair and invalidates every push subscription.",
                error);
        }
    }

    private static (string PublicKey, string ProtectedPrivateKey)? Read(NpgsqlConnection connection)
    {
        using var select = new NpgsqlCommand("SELECT public_key, protected_private_key FROM oo_vapid_keys WHERE id = 1", connection);
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
