using System.Text.Json;
using OO.Grains.Interfaces.Events;

namespace OO.Api.Admin;

/// <summary>One stored event as the admin API shows it: the payload as a JSON object, not a string.</summary>
public sealed record EventView(long Id, string Subject, string? UserId, DateTimeOffset At, JsonElement Payload)
{
    public static EventView Of(OOEvent e)
    {
        using var payload = JsonDocument.Parse(e.PayloadJson);
        return new EventView(e.Id, e.Subject, e.UserId, e.At, payload.RootElement.Clone());
    }
}
