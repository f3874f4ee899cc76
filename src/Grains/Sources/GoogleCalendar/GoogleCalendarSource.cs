using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.GoogleCalendar;
using OO.GoogleCalendar.Api;
using OO.GoogleCalendar.OAuth;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Sources.GoogleCalendar;

/// <summary>
/// Google Calendar as a source of calendar entries (no tasks), over the <c>OO.GoogleCalendar</c> clients. Offered
/// only when Google sign-in's client id and secret are configured. Polls incrementally with sync tokens; a complete
/// listing every <see cref="GoogleCalendarOptions.FullSyncEvery"/> moves the window forward, and one after a 410.
/// </summary>
public sealed class GoogleCalendarSource(
    GoogleOAuthClient oauth,
    GoogleCalendarClient api,
    IOptionsMonitor<GoogleCalendarOptions> options,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time) : ITaskSource
{
    public const string ProviderName = "google-calendar";

    public string Name => ProviderName;

    public string DisplayName => "Google Calendar";

    public bool RequiresAuthorization => true;

    public bool IsAvailable => options.CurrentValue.IsConfigured;

    public TimeSpan PollInterval => options.CurrentValue.PollInterval;

    /// <summary>Not available without the discovery document: the integration grain calls <see cref="BuildAuthorizeUrlAsync"/>.</summary>
    public Uri BuildAuthorizeUrl(string state, Uri redirectUri) =>
        throw new NotSupportedException("Google's authorize URL comes from its discovery document: use BuildAuthorizeUrlAsync.");

    public Task<Uri> BuildAuthorizeUrlAsync(string state, Uri redirectUri, CancellationToken cancellationToken) =>
        Call(() => oauth.BuildAuthorizeUrlAsync(state, redirectUri, cancellationToken));

    public Task<SourceTokens> ExchangeCode(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        Call(async () => ToSource(await oauth.ExchangeCodeAsync(code, redirectUri, cancellationToken)));

    public Task<SourceTokens> RefreshTokens(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () => ToSource(await oauth.RefreshAsync(
            tokens.RefreshToken ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "There is no refresh token."),
            cancellationToken)));

    /// <summary>The account is named by a hash of the primary calendar's id (an e-mail address oO has no need to keep).</summary>
    public Task<SourceAccount> GetAccount(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var calendar = await api.GetPrimaryAsync(tokens.AccessToken, cancellationToken);
            return new SourceAccount(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(calendar.Id)))[..32], calendar.TimeZone);
        });

    /// <summary>A calendar has no tasks.</summary>
    public Task<IReadOnlyList<SourceTask>> FetchOpenTasks(SourceAccess access, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceTask>>([]);

    public async Task<SourcePoll> Poll(SourceAccess access, string? cursor, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var now = time.GetUtcNow();
        var token = access.RequireTokens().AccessToken;
        var zone = access.Zone();
        if (SyncCursor.TryRead(cursor, out var since, out var syncToken) && now - since < current.FullSyncEvery)
        {
            try
            {
                var changes = await Call(() => api.ListEventsAsync(token, syncToken, now, now + current.Window, cancellationToken));
                var inWindow = changes.Events.Where(e => !e.Cancelled).Select(e => ToEntry(e, zone))
                    .OfType<CalendarEntry>().Where(e => e.End > now && e.Start < now + current.Window).ToList();
                var kept = inWindow.Select(e => e.SourceRef).ToHashSet(StringComparer.Ordinal);
                return new SourcePoll([])
                {
                    Entries = inWindow,
                    // Cancelled, and also moved out of the window: either way no longer kept.
                    RemovedEntries = [.. changes.Events.Select(e => e.Id).Where(id => !kept.Contains(id)).Distinct(StringComparer.Ordinal)],
                    EntriesComplete = false,
                    Cursor = SyncCursor.Write(since, changes.NextSyncToken),
                };
            }
            catch (TaskSourceException ex) when (ex.InnerException is GoogleCalendarException { Fault: GoogleCalendarFault.SyncTokenExpired }
                or GoogleCalendarException { Fault: GoogleCalendarFault.Rejected, StatusCode: 400 })
            {
                // 410 Gone: the token is too old or Google reset it; 400: Google no longer takes it (or never did, for
                // this calendar). Either way a complete listing starts over below, and a real refusal shows there.
            }
        }

        var listing = await Call(() => api.ListEventsAsync(token, null, now, now + current.Window, cancellationToken));
        return new SourcePoll([])
        {
            Entries = [.. listing.Events.Where(e => !e.Cancelled).Select(e => ToEntry(e, zone)).OfType<CalendarEntry>()],
            EntriesComplete = true,
            Cursor = SyncCursor.Write(now, listing.NextSyncToken),
        };
    }

    public Task CompleteTask(SourceAccess access, string sourceRef, CancellationToken cancellationToken) =>
        throw new TaskSourceException(TaskSourceFault.Rejected, "A calendar has no tasks to complete.");

    public Task Revoke(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            // Revoking the refresh token ends the whole grant, the access tokens issued from it included.
            await oauth.RevokeAsync(tokens.RefreshToken ?? tokens.AccessToken, cancellationToken);
            return true;
        });

    /// <summary>
    /// The least oO keeps of an event: its times, whether it blocks time, and its title only when it is worth a
    /// reminder (it has attendees or a description). Null for an event without usable times.
    /// </summary>
    public static CalendarEntry? ToEntry(GoogleEvent item, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(zone);
        var title = item.HasAttendees || item.HasDescription ? item.Summary : null;
        if (item.Start is { } start && item.End is { } end && end > start)
        {
            return new CalendarEntry(item.Id, start, end, !item.Transparent, AllDay: false, title);
        }

        if (item.StartDate is { } first)
        {
            var last = item.EndDate is { } endDate && endDate > first ? endDate : first.AddDays(1);
            return new CalendarEntry(item.Id, Midnight(first, zone), Midnight(last, zone), !item.Transparent, AllDay: true, ReminderTitle: null);
        }

        return null;
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static SourceTokens ToSource(GoogleTokenSet tokens) => new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GoogleCalendarException ex)
        {
            var fault = ex.Fault switch
            {
                GoogleCalendarFault.Unauthorized => TaskSourceFault.Unauthorized,
                GoogleCalendarFault.RateLimited => TaskSourceFault.RateLimited,
                GoogleCalendarFault.Unavailable => TaskSourceFault.Unavailable,
                _ => TaskSourceFault.Rejected,
            };
            var status = ex.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no status";
            throw new TaskSourceException(fault, $"Google Calendar: {ex.Message} ({status})", ex.RetryAfter, ex);
        }
    }
}
