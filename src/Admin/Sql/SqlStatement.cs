namespace OO.Admin.Sql;

/// <summary>
/// The console's first check of a query, before any database sees it: exactly one statement, and one that reads
/// (it starts with <c>SELECT</c>, <c>WITH</c> or <c>VALUES</c>). Strings, quoted names, comments and PostgreSQL's
/// dollar quotes are skipped, so a <c>;</c> inside them does not count. This is not the guard that keeps the data
/// safe — the read-only connection is — but it refuses chained and non-query statements with a clear sentence.
/// </summary>
public static class SqlStatement
{
    private static readonly string[] Readers = ["SELECT", "WITH", "VALUES"];

    /// <summary>
    /// The one statement in <paramref name="sql"/> without its trailing <c>;</c>, or a sentence saying why it is refused.
    /// </summary>
    public static (string? Statement, string? Problem) Check(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return (null, "Write a query: the SQL is empty.");
        }

        var end = -1;
        var i = 0;
        while (i < sql.Length)
        {
            var skipped = Skip(sql, i);
            if (skipped.Problem is not null)
            {
                return (null, skipped.Problem);
            }

            if (skipped.Next != i)
            {
                i = skipped.Next;
                continue;
            }

            if (sql[i] == ';')
            {
                end = i;
                break;
            }

            i++;
        }

        if (end >= 0 && HasMoreThanComments(sql, end + 1, out var problem))
        {
            return (null, problem ?? "Run one statement at a time: the SQL goes on after a ';'.");
        }

        var statement = (end >= 0 ? sql[..end] : sql).Trim();
        var keyword = FirstWord(statement);
        if (keyword is null || !Readers.Contains(keyword, StringComparer.OrdinalIgnoreCase))
        {
            return (null, $"Only queries run here: the statement must start with SELECT, WITH or VALUES{(keyword is null ? "" : $", not {keyword.ToUpperInvariant()}")}.");
        }

        return (statement, null);
    }

    /// <summary>Where the quoted text or comment starting at <paramref name="at"/> ends (or <paramref name="at"/> itself).</summary>
    private static (int Next, string? Problem) Skip(string sql, int at)
    {
        var c = sql[at];
        var next = at + 1 < sql.Length ? sql[at + 1] : '\0';
        switch (c)
        {
            case '-' when next == '-':
                var newline = sql.IndexOf('\n', at);
                return (newline < 0 ? sql.Length : newline + 1, null);
            case '/' when next == '*':
                var close = sql.IndexOf("*/", at + 2, StringComparison.Ordinal);
                return close < 0 ? (at, "A /* comment is not closed.") : (close + 2, null);
            case '\'':
                var backslashes = at > 0 && sql[at - 1] is 'E' or 'e' && (at < 2 || !char.IsLetterOrDigit(sql[at - 2]));
                return Quoted(sql, at, '\'', backslashes, "A string is not closed: a ' is missing.");
            case '"':
                return Quoted(sql, at, '"', false, "A quoted name is not closed: a \" is missing.");
            case '`':
                return Quoted(sql, at, '`', false, "A quoted name is not closed: a ` is missing.");
            case '[':
                var bracket = sql.IndexOf(']', at + 1);
                return bracket < 0 ? (at, "A [name] is not closed.") : (bracket + 1, null);
            case '$' when DollarTag(sql, at) is { } tag:
                var closing = sql.IndexOf(tag, at + tag.Length, StringComparison.Ordinal);
                return closing < 0 ? (at, $"A {tag}-quoted string is not closed.") : (closing + tag.Length, null);
            default:
                return (at, null);
        }
    }

    private static (int Next, string? Problem) Quoted(string sql, int at, char quote, bool backslashes, string problem)
    {
        for (var i = at + 1; i < sql.Length; i++)
        {
            if (backslashes && sql[i] == '\\')
            {
                i++;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++;
                }
                else
                {
                    return (i + 1, null);
                }
            }
        }

        return (at, problem);
    }

    /// <summary>The <c>$tag$</c> opening a dollar-quoted string at <paramref name="at"/>, or null (<c>$1</c> is a parameter).</summary>
    private static string? DollarTag(string sql, int at)
    {
        var i = at + 1;
        if (i < sql.Length && char.IsDigit(sql[i]))
        {
            return null;
        }

        while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
        {
            i++;
        }

        return i < sql.Length && sql[i] == '$' ? sql[at..(i + 1)] : null;
    }

    private static bool HasMoreThanComments(string sql, int from, out string? problem)
    {
        problem = null;
        var i = from;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == ';')
            {
                i++;
                continue;
            }

            var skipped = Skip(sql, i);
            if (skipped.Next == i || sql[i] is not ('-' or '/'))
            {
                problem = skipped.Problem;
                return true;
            }

            i = skipped.Next;
        }

        return false;
    }

    private static string? FirstWord(string statement)
    {
        var i = 0;
        while (i < statement.Length)
        {
            if (char.IsWhiteSpace(statement[i]) || statement[i] == '(')
            {
                i++;
                continue;
            }

            var skipped = Skip(statement, i);
            if (skipped.Next != i && statement[i] is '-' or '/')
            {
                i = skipped.Next;
                continue;
            }

            break;
        }

        var start = i;
        while (i < statement.Length && char.IsLetter(statement[i]))
        {
            i++;
        }

        return i > start ? statement[start..i] : null;
    }
}
