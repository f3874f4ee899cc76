using System.Diagnostics;
using Npgsql;

namespace OO.Testing;

/// <summary>
/// A throwaway PostgreSQL server on a loopback port and a temporary directory, shared by the
/// tests of a run; each test gets its own database. <c>OO_TEST_POSTGRES</c> (a connection string
/// to a server where the user may create databases) uses an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _directory;
    private string? _binaries;
    private string _adminConnectionString = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("OO_TEST_POSTGRES") is { Length: > 0 } external)
        {
            _adminConnectionString = external;
            return;
        }

        _binaries = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no initdb under /usr/lib/postgresql); the test command installs it.");

        _directory = Path.Combine(Path.GetTempPath(), $"oo-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var port = FreePort.Next();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await Run("chown", $"postgres {_directory}");
        }

        var data = Path.Combine(_directory, "data");
        await RunPostgres(asRoot, "initdb", $"-D {data} -U postgres --auth=trust -E UTF8 --no-sync");
        await RunPostgres(asRoot, "pg_ctl",
            $"-D {data} -l {Path.Combine(_directory, "log")} -w -t 60 -o \"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start");
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"oo_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_directory is null || _binaries is null)
        {
            return;
        }

        await RunPostgres(Environment.UserName == "root", "pg_ctl", $"-D {Path.Combine(_directory, "data")} -m immediate -w stop");
        Directory.Delete(_directory, recursive: true);
    }

    private Task RunPostgres(bool asRoot, string tool, string arguments) =>
        asRoot
            ? Run("runuser", $"-u postgres -- {Path.Combine(_binaries!, tool)} {arguments}")
            : Run(Path.Combine(_binaries!, tool), arguments);

    private static async Task Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
