using OO.Grains.Analytics;

namespace OO.Silo.Analytics;

/// <summary>The console's directory of people, written through the same queue as the other analytics rows.</summary>
public sealed partial class AnalyticsWriter
{
    void IAnalyticsSink.UserDirectory(UserDirectoryChange change) => Enqueue(new UserDirectoryCommand(change));
}
