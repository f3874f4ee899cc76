namespace OO.Learning.Features;

/// <summary>What the learner knows of a candidate written by oO rather than read from a source.</summary>
/// <param name="Kind">The candidate's kind (a generated candidate may also be a <see cref="CandidateKind.Task"/>).</param>
/// <param name="ByLanguageModel">True when a language model wrote it, false for the rule-based generator.</param>
/// <param name="Confidence">The generator's confidence, 0..1 (clamped).</param>
/// <param name="Model">The model that wrote it (<c>rules</c> for the rule-based generator).</param>
/// <param name="PromptVersion">The content hash of the prompt it was written with.</param>
public sealed record GeneratedFacts(CandidateKind Kind, bool ByLanguageModel, double Confidence, string Model, string PromptVersion);
