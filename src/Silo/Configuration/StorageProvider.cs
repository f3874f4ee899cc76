namespace OO.Silo.Configuration;

/// <summary>The relational engine behind grain state, reminders, clustering and analytics.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data directory; localhost clustering (the embedded default).</summary>
    Sqlite,

    /// <summary>PostgreSQL: ADO.NET clustering, so several silos form one cluster.</summary>
    Postgres,
}
