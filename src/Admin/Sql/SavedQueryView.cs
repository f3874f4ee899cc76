namespace OO.Admin.Sql;

/// <summary>A saved query as the API lists it: the SQL for this database's engine.</summary>
public sealed record SavedQueryView(string Name, string Description, string Sql);
