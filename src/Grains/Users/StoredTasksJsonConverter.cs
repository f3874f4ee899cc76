using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>
/// Stores <see cref="StoredTasks"/> as the JSON array of <see cref="SourceTask"/> it stands for, byte for byte what
/// System.Text.Json writes for a <c>List&lt;SourceTask&gt;</c> with the same options, so the stored format did not change.
/// Writing copies the UTF-8 text straight from the packed buffer (a state write makes no strings); reading goes
/// through the serializer's own <see cref="SourceTask"/> contract and packs the result.
/// </summary>
public sealed class StoredTasksJsonConverter : JsonConverter<StoredTasks>
{
    /// <inheritdoc />
    public override StoredTasks Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var tasks = JsonSerializer.Deserialize<List<SourceTask>>(ref reader, options);
        return tasks is null ? new StoredTasks() : StoredTasks.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tasks));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, StoredTasks value, JsonSerializerOptions options)
    {
        var skipNulls = options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;
        var skipDefaults = options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingDefault;
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            var task = value.Packed(i);
            var (sourceRef, content) = value.Utf8(i);
            writer.WriteStartObject();
            writer.WriteString(Name(nameof(SourceTask.SourceRef), options), sourceRef.Span);
            writer.WriteString(Name(nameof(SourceTask.Content), options), content.Span);
            if (!(skipDefaults && task.Priority == 0))
            {
                writer.WriteNumber(Name(nameof(SourceTask.Priority), options), task.Priority);
            }

            if (task.DueDay != 0)
            {
                writer.WriteString(
                    Name(nameof(SourceTask.DueDate), options),
                    DateOnly.FromDayNumber(task.DueDay - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else if (!skipNulls)
            {
                writer.WriteNull(Name(nameof(SourceTask.DueDate), options));
            }

            if (task.DueAtTicks != 0)
            {
                writer.WriteString(Name(nameof(SourceTask.DueAt), options), At(task.DueAtTicks, task.DueAtOffsetMinutes));
            }
            else if (!skipNulls)
            {
                writer.WriteNull(Name(nameof(SourceTask.DueAt), options));
            }

            writer.WriteString(Name(nameof(SourceTask.AddedAt), options), At(task.AddedAtTicks, task.AddedAtOffsetMinutes));
            if (!(skipDefaults && task.Meaning == 0))
            {
                writer.WriteNumber(Name(nameof(SourceTask.Meaning), options), task.Meaning);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static DateTimeOffset At(long utcTicks, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
