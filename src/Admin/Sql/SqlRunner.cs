using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using OO.Admin.Data;
using OO.Admin.Operations;

namespace OO.Admin.Sql;

/// <summary>
/// Runs one read-only query for an operator and audits it. Three guards, each enough on its own for writes: the
/// statement check (<see cref="SqlStatement"/>), the connection (SQLite opened read-only with <c>query_only</c>;
/// PostgreSQL in a read-only transaction that is rolled back), and on PostgreSQL a cursor, which takes only a
/// query. The row limit is applied while reading (PostgreSQL fetches one row past it and no more); the time limit by
/// the database's statement timeout (PostgreSQL) or by interrupting the query (SQLite).
/// </summary>
public sealed class SqlRunner(IAdminDatabase database, IAdminAudit audit, IOptions<SqlRunnerOptions> options, IQueryInterrupter? interrupter = null)
{
    /// <summary>The audit action of a query run from the console.</summary>
    public const string AuditAction = "sql.run";

    private const string Cursor = "oo_console_query";
    private readonly SqlRunnerOptions _options = options.Value;

    public int MaxRows => _options.MaxRows;

    /// <summary>Runs <paramref name="sql"/> for <paramref name="actor"/> (a user id), audited before it runs.</summary>
    /// <exception cref="SqlRefusedException">The query was refused or failed; nothing was changed.</exception>
    public async Task<SqlResult> RunAsync(string actor, string? sql, CancellationToken cancellationToken)
    {
        if (sql is { Length: var length } && length > _options.MaxLength)
        {
            throw new SqlRefusedException($"The SQL is {length:N0} characters long; at most {_options.MaxLength:N0} are accepted.");
        }

        var (statement, problem) = SqlStatement.Check(sql);
        if (statement is null)
        {
            throw new SqlRefusedException(problem!);
        }

        await audit.RecordAsync(actor, AuditAction, "database", statement, cancellationToken);
        // PostgreSQL stops the statement itself (statement_timeout) and says so; the token is a backstop there.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(database.Engine == AdminEngine.Postgres ? _options.Timeout + TimeSpan.FromSeconds(1) : _options.Timeout);
        try
        {
            return await RunCheckedAsync(statement, timeout.Token);
        }
        catch (Exception error) when (error is DbException or OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SqlRefusedException($"The query ran longer than {_options.Timeout.TotalSeconds:0.#} s and was stopped.", error);
        }
        catch (DbException error)
        {
            throw new SqlRefusedException(error.Message, error);
        }
    }

    private async Task<SqlResult> RunCheckedAsync(string statement, CancellationToken timeout)
    {
        await using var connection = await database.OpenReadOnlyAsync(_options.Timeout, timeout);
        using var interrupt = interrupter?.InterruptOnCancel(connection.Connection, timeout);
        await using var command = connection.CreateCommand();
        if (database.Engine == AdminEngine.Postgres)
        {
            command.CommandText = $"DECLARE {Cursor} NO SCROLL CURSOR FOR\n{statement}\n";
            await command.ExecuteNonQueryAsync(timeout);
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"FETCH FORWARD {_options.MaxRows + 1} FROM {Cursor}");
        }
        else
        {
            command.CommandText = statement;
        }

        await using var reader = await command.ExecuteReaderAsync(timeout);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        while (await reader.ReadAsync(timeout))
        {
            if (rows.Count == _options.MaxRows)
            {
                truncated = true;
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Value(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new SqlResult(columns, rows, truncated);
    }

    /// <summary>A value as JSON and the page show it alike, whatever the driver returned.</summary>
    private static object? Value(object? value) => value switch
    {
        null => null,
        string or bool or long or int or short or byte or double or float or decimal => value,
        DateTimeOffset at => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTime at => DateTime.SpecifyKind(at, at.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : at.Kind).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        Guid id => id.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
