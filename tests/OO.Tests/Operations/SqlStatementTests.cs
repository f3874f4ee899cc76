using OO.Admin.Sql;

namespace OO.Tests.Operations;

/// <summary>The statement check counts statements as the database would: quoted text and comments hide a ';'.</summary>
public sealed class SqlStatementTests
{
    [Theory]
    [InlineData("SELECT 1", "SELECT 1")]
    [InlineData("  select 1;  ", "select 1")]
    [InlineData("SELECT 1; -- done\n", "SELECT 1")]
    [InlineData("SELECT 1; /* done */ ;", "SELECT 1")]
    [InlineData("SELECT ';' AS a, \"x;y\" FROM t", "SELECT ';' AS a, \"x;y\" FROM t")]
    [InlineData("SELECT 'it''s; fine'", "SELECT 'it''s; fine'")]
    [InlineData("SELECT E'a\\'; b'", "SELECT E'a\\'; b'")]
    [InlineData("SELECT $tag$ ; $tag$, $$;$$", "SELECT $tag$ ; $tag$, $$;$$")]
    [InlineData("-- why\nWITH a AS (SELECT 1) SELECT * FROM a", "-- why\nWITH a AS (SELECT 1) SELECT * FROM a")]
    [InlineData("(VALUES (1))", "(VALUES (1))")]
    public void One_query_is_accepted_without_its_trailing_semicolon(string sql, string statement) =>
        Assert.Equal((statement, null), SqlStatement.Check(sql));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("SELECT 1; SELECT 2", "one statement")]
    [InlineData("SELECT 'a'; DROP TABLE t", "one statement")]
    [InlineData("SELECT 1 /* ; */; DELETE FROM t", "one statement")]
    [InlineData("SELECT 'open", "not closed")]
    [InlineData("SELECT 1 /* open", "not closed")]
    [InlineData("DELETE FROM t", "not DELETE")]
    [InlineData("pragma user_version = 1", "not PRAGMA")]
    [InlineData("/* hidden */ attach 'x' as y", "not ATTACH")]
    [InlineData("EXPLAIN SELECT 1", "not EXPLAIN")]
    public void Anything_else_is_refused_with_a_reason(string sql, string reason)
    {
        var (statement, problem) = SqlStatement.Check(sql);

        Assert.Null(statement);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
