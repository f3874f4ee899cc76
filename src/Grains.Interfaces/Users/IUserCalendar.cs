using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Interfaces.Users;

/// <summary>What the user grain keeps of the person's connected calendars (implemented by the user grain, same key).</summary>
[Alias("oo.IUserCalendar")]
public interface IUserCalendar : IGrainWithStringKey
{
    /// <summary>The upcoming events of every connected calendar, earliest first; empty without one.</summary>
    [Alias("GetCalendarEntries")]
    Task<IReadOnlyList<CalendarEntry>> GetCalendarEntries();

    /// <summary>The last push decision this activation made (<c>InMeeting</c>, <c>Send</c>, …), or null, for the admin user view.</summary>
    [Alias("GetLastPushDecision")]
    Task<Push.PushDeliveryDecision?> GetLastPushDecision();
}
