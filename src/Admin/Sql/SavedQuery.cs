namespace OO.Admin.Sql;

/// <summary>A query shipped with oO for the SQL page, written for each engine (instants differ: ISO text on SQLite, timestamptz on PostgreSQL).</summary>
public sealed record SavedQuery(string Name, string Description, string Sqlite, string Postgres);
