namespace OO.Admin.Data;

/// <summary>The database engine behind the console's queries; each query is written for both.</summary>
public enum AdminEngine
{
    Sqlite,
    Postgres,
}
