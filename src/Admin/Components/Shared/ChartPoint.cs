namespace OO.Admin.Components.Shared;

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
public sealed record ChartPoint(string Label, double Value);
