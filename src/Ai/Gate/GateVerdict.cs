namespace OO.Ai.Gate;

/// <summary>What the gate made of one answer: the tips that passed and everything it refused.</summary>
public sealed record GateVerdict(IReadOnlyList<TipDraft> Accepted, IReadOnlyList<GateRejection> Rejections);
