using System.Text.Json;

namespace OO.Learning.Logging;

/// <summary>
/// One decision of the explainability log (the <c>decision_json</c> column): written by the grains when a
/// tip is served, read back by <c>oo-tools evaluate --format oo</c>. Property names are the stored contract.
/// </summary>
/// <param name="Rebuilt">True when the entry was written again after a crash and only the chosen candidate is known.</param>
/// <param name="Candidates">The candidates logged: the best-scored ones and always the chosen one (bounded per decision).</param>
/// <param name="ChosenIndex">The chosen candidate's index in <paramref name="Candidates"/>.</param>
/// <param name="CandidateCount">How many candidates the policy scored, logged or not.</param>
public sealed record DecisionLogEntry(
    bool Rebuilt,
    IReadOnlyList<LoggedCandidate> Candidates,
    int ChosenIndex,
    int CandidateCount,
    double Propensity,
    string Policy,
    IReadOnlyList<ShadowChoice> Shadow,
    IReadOnlyList<string> FeatureNames)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The entry in <paramref name="json"/>, or null when it is not one (or is missing what evaluation needs).</summary>
    public static DecisionLogEntry? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<DecisionLogEntry>(json, Json);
            return entry is { Candidates: { Count: > 0 } candidates } && entry.ChosenIndex >= 0 && entry.ChosenIndex < candidates.Count
                && candidates.All(c => c?.Features is { Length: > 0 })
                ? entry
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
