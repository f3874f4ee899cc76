namespace OO.Grains.Identity;

[GenerateSerializer, Alias("oo.IdentityState")]
public sealed class IdentityState
{
    [Id(0)] public string? UserId { get; set; }
}
