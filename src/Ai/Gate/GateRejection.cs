namespace OO.Ai.Gate;

/// <summary>
/// One thing the gate refused: a reason code from <see cref="GateReasons"/> and a sentence for the model's
/// follow-up. The detail may quote the answer, so it goes back to the model only and is never logged.
/// </summary>
public sealed record GateRejection(string Reason, string Detail);
