namespace OO.Admin.Data.Overview;

/// <summary>
/// How oO was used over a range of UTC days. A person is active on a day when a tip was served to them or they
/// reacted to one; "done" is the reaction <c>done</c> or a task completed in its source.
/// </summary>
/// <param name="Dau">People active on <c>To</c>.</param>
/// <param name="Wau">People active in the 7 days ending on <c>To</c>.</param>
/// <param name="Mau">People active in the 30 days ending on <c>To</c>.</param>
/// <param name="TipsServed">Tips served in the range.</param>
/// <param name="Reactions">Reactions given in the range, by reaction.</param>
/// <param name="DoneRate">Of the tips served in the range, the share reacted to as done; null when none were served.</param>
/// <param name="Funnel">What the people who signed up in the range went on to do (at any time).</param>
/// <param name="PushesSent">Tip pushes sent in the range.</param>
/// <param name="PushesOpened">Pushes opened in the range.</param>
public sealed record OverviewReport(
    DateOnly From,
    DateOnly To,
    long Dau,
    long Wau,
    long Mau,
    long TipsServed,
    IReadOnlyDictionary<string, long> Reactions,
    double? DoneRate,
    ActivationFunnel Funnel,
    long PushesSent,
    long PushesOpened,
    IReadOnlyList<OverviewDay> Days);

/// <summary>The activation funnel of one signup cohort; each step counts people, a subset of the one before.</summary>
public sealed record ActivationFunnel(long SignedUp, long ConnectedSource, long FirstTip, long FirstDone);

/// <summary>One UTC day of the overview's time series.</summary>
public sealed record OverviewDay(DateOnly Day, long ActiveUsers, long TipsServed, long Done, long PushesSent, long PushesOpened);
