using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>
/// The tasks of one stored snapshot in a compact form: an array of <see cref="StoredTask"/> and one UTF-8 buffer
/// with every reference and title. It reads as the list of <see cref="SourceTask"/> it was built from (each one
/// made when it is read), and it is stored as exactly the JSON of that list, so rows written before it load as
/// they are. A snapshot is replaced whole when its source changes, so this never changes once built.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.StoredTasks")]
[JsonConverter(typeof(StoredTasksJsonConverter))]
[CollectionBuilder(typeof(StoredTasks), nameof(Create))]
public sealed class StoredTasks : IReadOnlyList<SourceTask>
{
    [Id(0)] private readonly StoredTask[] _tasks;
    [Id(1)] private readonly byte[] _text;

    /// <summary>No tasks.</summary>
    public StoredTasks()
        : this([], [])
    {
    }

    private StoredTasks(StoredTask[] tasks, byte[] text)
    {
        _tasks = tasks;
        _text = text;
    }

    /// <inheritdoc />
    public int Count => _tasks.Length;

    /// <summary>The task at <paramref name="index"/>, as the source reported it.</summary>
    public SourceTask this[int index]
    {
        get
        {
            var task = _tasks[index];
            var text = _text.AsSpan(task.TextOffset);
            return new SourceTask(
                Encoding.UTF8.GetString(text[..task.SourceRefLength]),
                Encoding.UTF8.GetString(text.Slice(task.SourceRefLength, task.ContentLength)),
                task.Priority,
                task.DueDay == 0 ? null : DateOnly.FromDayNumber(task.DueDay - 1),
                task.DueAtTicks == 0 ? null : ToOffset(task.DueAtTicks, task.DueAtOffsetMinutes),
                ToOffset(task.AddedAtTicks, task.AddedAtOffsetMinutes),
                task.Meaning);
        }
    }

    /// <summary>Packs <paramref name="tasks"/>.</summary>
    public static StoredTasks Create(ReadOnlySpan<SourceTask> tasks)
    {
        if (tasks.IsEmpty)
        {
            return new StoredTasks();
        }

        var length = 0;
        foreach (var task in tasks)
        {
            length += Encoding.UTF8.GetByteCount(task.SourceRef) + Encoding.UTF8.GetByteCount(task.Content);
        }

        var text = new byte[length];
        var packed = new StoredTask[tasks.Length];
        var offset = 0;
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = tasks[i];
            var refLength = Encoding.UTF8.GetBytes(task.SourceRef, text.AsSpan(offset));
            var contentLength = Encoding.UTF8.GetBytes(task.Content, text.AsSpan(offset + refLength));
            packed[i] = new StoredTask
            {
                TextOffset = offset,
                SourceRefLength = refLength,
                ContentLength = contentLength,
                Priority = task.Priority,
                DueDay = task.DueDate is { } day ? day.DayNumber + 1 : 0,
                DueAtTicks = task.DueAt is { } dueAt ? dueAt.UtcTicks : 0,
                DueAtOffsetMinutes = task.DueAt is { } at ? (short)at.TotalOffsetMinutes : (short)0,
                AddedAtTicks = task.AddedAt.UtcTicks,
                AddedAtOffsetMinutes = (short)task.AddedAt.TotalOffsetMinutes,
                Meaning = task.Meaning,
            };
            offset += refLength + contentLength;
        }

        return new StoredTasks(packed, text);
    }

    /// <summary>True when a task with this reference is in the snapshot; compares bytes, makes no task.</summary>
    public bool Contains(string sourceRef)
    {
        var byteCount = Encoding.UTF8.GetByteCount(sourceRef);
        Span<byte> wanted = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(sourceRef, wanted);
        foreach (var task in _tasks)
        {
            if (_text.AsSpan(task.TextOffset, task.SourceRefLength).SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The UTF-8 reference and title of the task at <paramref name="index"/>, without making strings.</summary>
    internal (ReadOnlyMemory<byte> SourceRef, ReadOnlyMemory<byte> Content) Utf8(int index)
    {
        var task = _tasks[index];
        return (_text.AsMemory(task.TextOffset, task.SourceRefLength), _text.AsMemory(task.TextOffset + task.SourceRefLength, task.ContentLength));
    }

    /// <summary>The packed task at <paramref name="index"/>.</summary>
    internal StoredTask Packed(int index) => _tasks[index];

    /// <inheritdoc />
    public IEnumerator<SourceTask> GetEnumerator()
    {
        for (var i = 0; i < _tasks.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static DateTimeOffset ToOffset(long utcTicks, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
