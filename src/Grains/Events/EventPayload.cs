using System.Text.Json;
using OO.Grains.Interfaces.Events;

namespace OO.Grains.Events;

/// <summary>Builds an <see cref="OOEvent"/> from a subject and an anonymous payload object, serialized with camel-case names.</summary>
public static class EventPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OOEvent Create(string subject, string? userId, DateTimeOffset at, object payload) =>
        new(subject, userId, at, JsonSerializer.Serialize(payload, Json));

    /// <summary>Reads a stored payload back into <typeparamref name="T"/>, or null when it does not fit.</summary>
    public static T? Read<T>(string payloadJson)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payloadJson, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
