using System.Globalization;
using System.Net;

namespace OO.Silo.Configuration;

/// <summary>
/// The settings the host needs before anything else starts: where data lives, which storage engine,
/// and how the silo is reached. Read and checked once; a bad value stops the start with one sentence
/// that names the environment variable to fix.
/// </summary>
public sealed record HostSettings(
    string DataDirectory,
    StorageProvider Storage,
    string ConnectionString,
    int SiloPort,
    IPAddress? AdvertisedIP,
    string ClusterId,
    string ServiceId,
    TimeSpan? MinimumReminderPeriod = null)
{
    public const int DefaultSiloPort = 11111;
    public const string DefaultClusterId = "oo";
    public const string DefaultServiceId = "oo";

    public bool IsEmbedded => Storage == StorageProvider.Sqlite;

    /// <summary>The ADO.NET invariant the Orleans providers are given for this engine.</summary>
    public string Invariant => Storage == StorageProvider.Sqlite ? "System.Data.SQLite" : "Npgsql";

    public static HostSettings Load(IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["OO:DataDirectory"] is { Length: > 0 } dir ? dir : "data", contentRoot);

        var storage = configuration["OO:Storage:Provider"] switch
        {
            null or "" or "sqlite" or "SQLite" or "Sqlite" => StorageProvider.Sqlite,
            "postgres" or "postgresql" or "PostgreSQL" or "Postgres" => StorageProvider.Postgres,
            var other => throw new OOConfigurationException(
                $"OO__Storage__Provider must be 'sqlite' or 'postgres', not '{other}'."),
        };

        var connectionString = configuration["OO:Storage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = storage == StorageProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "oo.db")}"
                : throw new OOConfigurationException(
                    "OO__Storage__ConnectionString is required when OO__Storage__Provider is 'postgres' (for example 'Host=127.0.0.1;Username=oo;Password=…;Database=oo').");
        }

        // Nothing connects to Orleans as an external client (the API runs inside each silo), so no gateway
        // port is opened; a leftover setting would suggest otherwise.
        if (configuration["OO:Cluster:GatewayPort"] is { Length: > 0 } gateway)
        {
            throw new OOConfigurationException(
                $"OO__Cluster__GatewayPort ('{gateway}') is no longer used: oO opens no Orleans client gateway. Remove the setting.");
        }

        IPAddress? advertised = null;
        if (configuration["OO:Cluster:AdvertisedIP"] is { Length: > 0 } ip && !IPAddress.TryParse(ip, out advertised))
        {
            throw new OOConfigurationException($"OO__Cluster__AdvertisedIP must be an IP address, not '{ip}'.");
        }

        return new HostSettings(
            dataDirectory,
            storage,
            connectionString,
            Port(configuration, "OO:Cluster:SiloPort", DefaultSiloPort),
            advertised,
            NonEmpty(configuration, "OO:Cluster:ClusterId", DefaultClusterId),
            NonEmpty(configuration, "OO:Cluster:ServiceId", DefaultServiceId),
            Duration(configuration, "OO:Reminders:MinimumPeriod"));
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new OOConfigurationException($"{EnvironmentName(key)} must be a port number from 1 to 65535, not '{value}'.");
    }

    private static TimeSpan? Duration(IConfiguration configuration, string key) =>
        configuration[key] switch
        {
            null or "" => null,
            var value when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero => span,
            var value => throw new OOConfigurationException($"{EnvironmentName(key)} must be a positive duration such as 00:01:00, not '{value}'."),
        };

    private static string NonEmpty(IConfiguration configuration, string key, string fallback) =>
        configuration[key] is { } value
            ? (value.Trim().Length > 0 ? value.Trim() : throw new OOConfigurationException($"{EnvironmentName(key)} must not be empty."))
            : fallback;

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
