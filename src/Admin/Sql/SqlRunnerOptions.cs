using System.ComponentModel.DataAnnotations;

namespace OO.Admin.Sql;

/// <summary>Limits of the console's SQL runner (<c>OO:Admin:Sql</c>).</summary>
public sealed class SqlRunnerOptions
{
    public const string Section = "OO:Admin:Sql";

    /// <summary>Rows returned at most; a result with more says it was truncated. Default 500.</summary>
    [Range(1, 10_000)]
    public int MaxRows { get; set; } = 500;

    /// <summary>How long one query may run before the database stops it. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Characters of SQL accepted at most. Default 20,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxLength { get; set; } = 20_000;
}
