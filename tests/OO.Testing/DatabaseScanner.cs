namespace OO.Testing;

/// <summary>Finds every table row, in any column (text or binary), that mentions a string.</summary>
public static class DatabaseScanner
{
    public static async Task<IReadOnlyList<string>> FindAsync(IReadOnlyDictionary<string, string?> settings, string needle)
    {
        var postgres = settings.GetValueOrDefault("OO:Storage:Provider") == "postgres";
        await using var connection = await AnalyticsRows.OpenAsync(settings);

        var columns = new List<(string Table, string Column, bool Binary)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = postgres
                ? "SELECT table_name, column_name, data_type = 'bytea' FROM information_schema.columns WHERE table_schema = 'public'"
                : "SELECT m.name, p.name, p.type = 'BLOB' FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var hits = new List<string>();
        foreach (var (table, column, binary) in columns)
        {
            await using var command = connection.CreateCommand();
            var asText = postgres ? (binary ? $"encode(\"{column}\", 'escape')" : $"CAST(\"{column}\" AS text)") : $"CAST(\"{column}\" AS TEXT)";
            command.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE {asText} LIKE @needle";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "needle";
            parameter.Value = $"%{needle}%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }
}
