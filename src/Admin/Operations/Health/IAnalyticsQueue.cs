namespace OO.Admin.Operations.Health;

/// <summary>How full this silo's analytics writer is: rows queued and not yet written. The host implements it.</summary>
public interface IAnalyticsQueue
{
    int QueuedRows { get; }

    int Capacity { get; }
}
