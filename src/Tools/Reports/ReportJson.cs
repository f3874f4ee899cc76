using System.Text.Json;

namespace OO.Tools.Reports;

/// <summary>camelCase, indented: the shape docs/tools.md documents.</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize<T>(T report) => JsonSerializer.Serialize(report, Options);
}
