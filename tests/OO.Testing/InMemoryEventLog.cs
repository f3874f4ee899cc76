using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OO.Grains.Interfaces.Events;

namespace OO.Testing;

/// <summary>An event log in memory, for console tests before the real one: filters like the contract says, records replays.</summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly List<OOEvent> _events = [];
    private readonly List<(long EventId, string Admin)> _replays = [];
    private readonly List<Channel<OOEvent>> _tails = [];

    public IReadOnlyList<(long EventId, string Admin)> Replays
    {
        get
        {
            lock (_events)
            {
                return [.. _replays];
            }
        }
    }

    /// <summary>Stores <paramref name="e"/> with the next id and hands it to every tail.</summary>
    public OOEvent Add(OOEvent e)
    {
        lock (_events)
        {
            var stored = e with { Id = _events.Count + 1 };
            _events.Add(stored);
            foreach (var tail in _tails)
            {
                tail.Writer.TryWrite(stored);
            }

            return stored;
        }
    }

    public Task<IReadOnlyList<OOEvent>> QueryAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            return Task.FromResult<IReadOnlyList<OOEvent>>(
                [.. _events.Where(e => Matches(filter, e)).OrderByDescending(e => e.Id).Take(filter.Limit)]);
        }
    }

    public async IAsyncEnumerable<OOEvent> TailAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<OOEvent>();
        lock (_events)
        {
            _tails.Add(channel);
        }

        await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
        {
            if (Matches(filter, e))
            {
                yield return e;
            }
        }
    }

    public Task<ReplayResult> ReplayAsync(long eventId, string actingAdminId, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            if (eventId < 1 || eventId > _events.Count)
            {
                return Task.FromResult(new ReplayResult(ReplayStatus.NotFound, $"There is no event {eventId}."));
            }

            var again = _replays.Any(r => r.EventId == eventId);
            _replays.Add((eventId, actingAdminId));
            return Task.FromResult(again
                ? new ReplayResult(ReplayStatus.AlreadyApplied, $"Event {eventId} was already applied; nothing changed.")
                : new ReplayResult(ReplayStatus.Replayed, $"Event {eventId} was delivered again."));
        }
    }

    private static bool Matches(EventFilter filter, OOEvent e) =>
        (filter.SubjectPrefix is null || e.Subject.StartsWith(filter.SubjectPrefix, StringComparison.Ordinal))
        && (filter.UserId is null || e.UserId == filter.UserId)
        && (filter.Since is null || e.At >= filter.Since)
        && (filter.Until is null || e.At < filter.Until)
        && (filter.AfterId is null || e.Id > filter.AfterId);
}
