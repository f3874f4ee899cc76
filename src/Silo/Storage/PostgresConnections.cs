using Npgsql;

namespace OO.Silo.Storage;

/// <summary>
/// How oO connects to PostgreSQL, applied under what the operator configured (a setting in the connection
/// string always wins): statements used more than once are prepared on each pooled connection (the ADO.NET
/// providers run the same few queries all the time, so after the second use each costs one round trip with no
/// parsing or planning), and the pool keeps a few connections open rather than none.
/// </summary>
public static class PostgresConnections
{
    /// <summary>Prepared statements kept per connection. The providers and the analytics writer use about 20.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>Uses of a statement before it is prepared.</summary>
    public const int AutoPrepareMinUsages = 2;

    /// <summary>Connections the pool keeps open while idle.</summary>
    public const int MinPoolSize = 2;

    public static string Tune(string connectionString)
    {
        // Keys as the operator wrote them, spaces and case aside ("Max Auto Prepare", "MaxAutoPrepare").
        var configured = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!configured.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!configured.Contains("autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!configured.Contains("minimumpoolsize") && !configured.Contains("minpoolsize"))
        {
            builder.MinPoolSize = MinPoolSize;
        }

        return builder.ConnectionString;
    }
}
