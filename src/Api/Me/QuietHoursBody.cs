namespace OO.Api.Me;

/// <summary>Quiet hours as local wall-clock times, <c>HH:mm</c>; the range may cross midnight (22:00–07:00).</summary>
public sealed record QuietHoursBody(string? Start, string? End);
