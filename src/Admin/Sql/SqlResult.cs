namespace OO.Admin.Sql;

/// <summary>What a query returned: its column names, at most the row limit of rows, and whether more were left out.</summary>
/// <param name="Rows">Each row's values in column order: text, numbers, booleans or null (instants as ISO-8601 UTC, bytes as hex).</param>
public sealed record SqlResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Truncated);
