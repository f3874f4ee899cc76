using System.Text.Json;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Push;

/// <summary>
/// The JSON the service worker receives: <c>{type, tipId, title, body, url}</c>. Small on purpose
/// (a push body may be at most 4 KiB): the page fetches the tip itself.
/// </summary>
public static class PushPayload
{
    /// <summary>The <c>Topic</c> of every tip push: a newer tip replaces one the push service still holds, as only one tip is current.</summary>
    public const string TipTopic = "oo-tip";

    /// <summary>The notification text is cut to this many characters.</summary>
    public const int MaxBodyLength = 400;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A pushed tip; clicking it opens <c>/?tip={tipId}</c>.</summary>
    public static string ForTip(Tip tip) =>
        JsonSerializer.Serialize(
            new { type = "tip", tipId = tip.TipId, title = "oO", body = Shorten(tip.Content), url = $"/?tip={Uri.EscapeDataString(tip.TipId)}" },
            Json);

    /// <summary>The test notification.</summary>
    public static string ForTest() =>
        JsonSerializer.Serialize(
            new { type = "test", tipId = (string?)null, title = "oO", body = "Notifications are on. A tip worth your time will look like this.", url = "/" },
            Json);

    private static string Shorten(string text) =>
        text.Length <= MaxBodyLength ? text : string.Concat(text.AsSpan(0, MaxBodyLength - 1), "…");
}
