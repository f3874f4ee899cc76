using OO.Grains.Interfaces.Events;

namespace OO.Grains.Events;

/// <summary>
/// Where grains publish what happened to a user (see <see cref="EventSubjects"/>). Publishing never blocks the
/// grain: events are queued and written to <c>oo_events</c> in batches. The log is for operators, not a source of
/// truth: an event still queued when the process crashes is lost (the grain's state is unaffected), and while the
/// queue is full further events are dropped and counted.
/// </summary>
public interface IEventSink
{
    void Publish(OOEvent @event);
}
