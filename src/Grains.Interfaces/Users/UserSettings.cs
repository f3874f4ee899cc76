namespace OO.Grains.Interfaces.Users;

/// <summary>
/// What a person chose: their time zone (IANA id), quiet hours (local wall-clock times; the range
/// may cross midnight), how many pushes a day at most, and whether to be notified at all.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.UserSettings")]
public sealed record UserSettings(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] TimeOnly QuietStart,
    [property: Id(2)] TimeOnly QuietEnd,
    [property: Id(3)] int DailyPushCap,
    [property: Id(4)] bool Notify)
{
    public const int MaxDailyPushCap = 20;

    public static UserSettings Default { get; } = new("UTC", new TimeOnly(22, 0), new TimeOnly(7, 0), 3, false);
}
