using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OO.Testing;

/// <summary>Reads the analytics tables of a test host's database.</summary>
public static class AnalyticsRows
{
    public static async Task<long> CountAsync(IReadOnlyDictionary<string, string?> settings, string table, string where)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table} WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of every matching row, as text.</summary>
    public static async Task<List<string>> ReadAsync(IReadOnlyDictionary<string, string?> settings, string sql)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }

    /// <summary>A connection to the host's database, for tests that arrange rows or hold locks.</summary>
    public static async Task<DbConnection> OpenAsync(IReadOnlyDictionary<string, string?> settings)
    {
        DbConnection connection = settings.GetValueOrDefault("OO:Storage:Provider") == "postgres"
            ? new NpgsqlConnection(settings["OO:Storage:ConnectionString"])
            : new SqliteConnection($"Data Source={Path.Combine(settings["OO:DataDirectory"]!, "oo.db")}");
        await connection.OpenAsync();
        return connection;
    }
}
