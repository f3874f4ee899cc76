using System.Text.Json;
using System.Text.Json.Serialization;

namespace OO.Grains.Users;

/// <summary>Reads a JSON array of numbers (floats now, doubles before) and writes the floats.</summary>
public sealed class FeatureValuesJsonConverter : JsonConverter<FeatureValues>
{
    /// <inheritdoc />
    public override FeatureValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<float[]>(ref reader, options) is { } values ? new FeatureValues(values) : default;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FeatureValues value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value.AsSpan())
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }
}
