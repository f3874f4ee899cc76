namespace OO.Admin.Sql;

/// <summary>
/// A query that was not run, or that the database stopped: the message is for the operator (the console's own
/// sentence, or the database's message, which names the query's problem and holds no other data).
/// </summary>
public sealed class SqlRefusedException(string message, Exception? inner = null) : Exception(message, inner);
