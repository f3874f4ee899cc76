using System.Data.Common;
using System.Security.Cryptography;

namespace OO.Silo.Analytics;

/// <summary>
/// What erasing a user does to the audit log: the rows stay (an operator's action stays accounted for), and the
/// user's id is replaced wherever it appears — as target, as actor (an erased admin), inside the detail — by one
/// random pseudonym per erasure. The pseudonym keeps the erased person's rows together but cannot be traced back:
/// it is not derived from the id.
/// </summary>
internal static class AuditPseudonyms
{
    /// <summary>The prefix of every pseudonym, so an operator reading the log sees that a person was erased.</summary>
    public const string Prefix = "erased-";

    /// <summary>The statements, run inside the erasure's transaction with <c>@user</c> and <c>@pseudonym</c> bound.</summary>
    public const string Statements = """
        UPDATE oo_audit SET target = @pseudonym WHERE target = @user;
        UPDATE oo_audit SET actor = @pseudonym WHERE actor = @user;
        UPDATE oo_audit SET detail = replace(detail, @user, @pseudonym) WHERE detail LIKE '%' || @user || '%';
        """;

    /// <summary>Binds a fresh pseudonym to <paramref name="sql"/>.</summary>
    public static void Bind(DbCommand sql) => AnalyticsCommand.Add(sql, "pseudonym", New());

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
