namespace OO.Grains.Interfaces.Events;

/// <summary>
/// One thing that happened to a user, as the event log keeps it: a dotted <see cref="Subject"/> from
/// <see cref="EventSubjects"/>, the user it is about (null for cluster-wide events), when, and a JSON object
/// with the details. The payload never holds a token, a secret or a task's text. <see cref="Id"/> is assigned
/// by the log when the event is stored (0 before); ids grow with time, so a reader can tail from the last one.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.Event")]
public sealed record OOEvent(
    [property: Id(0)] string Subject,
    [property: Id(1)] string? UserId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string PayloadJson,
    [property: Id(4)] long Id = 0);
