using OO.Admin.Operations.Health;

namespace OO.Silo.Analytics;

/// <summary>The writer's queue as the console's health page reads it.</summary>
public sealed partial class AnalyticsWriter : IAnalyticsQueue
{
    int IAnalyticsQueue.QueuedRows => Math.Max(0, Volatile.Read(ref _queuedRows));

    int IAnalyticsQueue.Capacity => _options.QueueCapacity;
}
