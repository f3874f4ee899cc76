namespace OO.Grains.Users;

[GenerateSerializer, Alias("oo.UserTombstoneState")]
public sealed class UserTombstoneState
{
    [Id(0)] public DateTimeOffset? DeletedAt { get; set; }
}
