namespace OO.Push;

/// <summary>A stretch of time a calendar marks the user busy in.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends (exclusive).</param>
public readonly record struct BusyPeriod(DateTimeOffset Start, DateTimeOffset End);
