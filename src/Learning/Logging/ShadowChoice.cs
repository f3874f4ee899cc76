namespace OO.Learning.Logging;

/// <summary>What a shadow policy would have chosen for the same request (an index into the logged candidates, or -1 when it chose one not logged).</summary>
public sealed record ShadowChoice(string Policy, int ChosenIndex);
