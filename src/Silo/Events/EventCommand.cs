using OO.Grains.Interfaces.Events;

namespace OO.Silo.Events;

/// <summary>One queued write of the event log: an event with the key that makes writing it twice harmless, or an erasure.</summary>
internal abstract record EventCommand
{
    public sealed record Row(Guid Key, OOEvent Event) : EventCommand;

    public sealed record Erase(string UserId, TaskCompletionSource Completion) : EventCommand;
}
