using OO.Grains.Interfaces.Tips;

namespace OO.Api.Tips;

/// <summary>A tip as the client receives it.</summary>
public sealed record TipResponse(
    string TipId,
    string Content,
    string Kind,
    string Source,
    DateTimeOffset ServedAt,
    DateTimeOffset ExpiresAt)
{
    public static TipResponse From(Tip tip) =>
        new(tip.TipId, tip.Content, tip.Kind.ToString().ToLowerInvariant(), tip.Source, tip.ServedAt, tip.ExpiresAt);
}
