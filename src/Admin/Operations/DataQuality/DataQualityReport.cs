using OO.Admin.Operations.Integrations;

namespace OO.Admin.Operations.DataQuality;

/// <summary>
/// What the data-quality page shows. Every number comes from stored data; what cannot be computed from it is named
/// in <see cref="NotComputed"/> instead of being estimated.
/// </summary>
public sealed record DataQualityReport(
    DateTimeOffset At,
    FeatureQuality Features,
    IntegrationHealth? Integrations,
    string? IntegrationsProblem,
    IReadOnlyDictionary<string, int>? SyncFailureEventsByReason,
    IReadOnlyList<string> Sources,
    IReadOnlyList<CompletenessDay> Completeness,
    IReadOnlyList<string> NotComputed);

/// <summary>
/// The feature vectors of the newest logged decisions (the explainability log): a candidate misses features when its
/// vector is shorter or longer than the entry's feature names, holds a value that is not a finite number, or has an
/// all-zero meaning block (the task's meaning was not computed).
/// </summary>
public sealed record FeatureQuality(
    int Decisions,
    int Unreadable,
    int Rebuilt,
    int Candidates,
    int WrongLength,
    int NotFinite,
    int MeaningMissing)
{
    public int Missing => WrongLength + NotFinite + MeaningMissing;

    public double? MissingRate => Candidates == 0 ? null : (double)Missing / Candidates;
}

/// <summary>One UTC day: per source, the share of the people connected to it by that day who were served a tip from it.</summary>
public sealed record CompletenessDay(DateOnly Day, IReadOnlyList<double?> BySource);
