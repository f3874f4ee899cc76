namespace OO.Testing;

/// <summary>Gives each test fresh storage of one engine: a new SQLite file, or a new PostgreSQL database.</summary>
public sealed class StorageEngine(PostgresServer postgres)
{
    public async Task<Dictionary<string, string?>> FreshAsync(string engine)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}");
        return engine switch
        {
            "sqlite" => new() { ["OO:DataDirectory"] = directory, ["OO:Storage:Provider"] = "sqlite" },
            "postgres" => new()
            {
                ["OO:DataDirectory"] = directory,
                ["OO:Storage:Provider"] = "postgres",
                ["OO:Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "sqlite or postgres"),
        };
    }
}
