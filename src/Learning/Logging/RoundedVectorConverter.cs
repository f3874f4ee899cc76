using System.Text.Json;
using System.Text.Json.Serialization;

namespace OO.Learning.Logging;

/// <summary>
/// Writes a logged feature vector with at most <see cref="Decimals"/> decimals. Layout 2's meaning values and their
/// hour crosses print with 17 significant digits, which made a 20-candidate decision ~12 KB of JSON; five decimals
/// keep every value within 5·10⁻⁶ (a meaning is quantized to 1/127 anyway) at under half the size. Reads any numbers.
/// </summary>
internal sealed class RoundedVectorConverter : JsonConverter<double[]>
{
    /// <summary>Decimals written.</summary>
    public const int Decimals = 5;

    public override double[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A feature vector is an array of numbers.");
        }

        var values = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetDouble());
        }

        return [.. values];
    }

    public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value)
        {
            writer.WriteNumberValue(Math.Round(v, Decimals));
        }

        writer.WriteEndArray();
    }
}
