namespace OO.Ai.Gate;

/// <summary>
/// One tip as a generator wrote it, before or after the gate: its text, its kind (<c>advice</c>, <c>insight</c>,
/// <c>reminder</c> or <c>task</c>), the ref of the context task it is about (or null) and its confidence 0..1.
/// </summary>
public sealed record TipDraft(string Content, string Kind, string? AboutRef, double Confidence);
