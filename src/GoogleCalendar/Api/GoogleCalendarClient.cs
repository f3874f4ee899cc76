using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OO.GoogleCalendar.Http;

namespace OO.GoogleCalendar.Api;

/// <summary>The two Calendar API v3 calls oO makes, on the primary calendar: <c>calendars.get</c> and <c>events.list</c>.</summary>
public sealed class GoogleCalendarClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<GoogleCalendarOptions> options, TimeProvider time)
{
    /// <summary>The primary calendar's id and time zone.</summary>
    public async Task<GoogleCalendarInfo> GetPrimaryAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var document = await GetAsync(accessToken, "calendars/primary", "read the calendar", cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return new GoogleCalendarInfo(
            root.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } value ? value : "primary",
            root.TryGetProperty("timeZone", out var zone) ? zone.GetString() : null);
    }

    /// <summary>
    /// Lists the primary calendar's events with recurring events expanded, following every page. With
    /// <paramref name="syncToken"/> it lists the changes since (cancelled events included); without it, the events
    /// ending after <paramref name="from"/> and starting before <paramref name="until"/>. A token Google no longer
    /// honours throws <see cref="GoogleCalendarFault.SyncTokenExpired"/>.
    /// </summary>
    public async Task<GoogleEventListing> ListEventsAsync(
        string accessToken, string? syncToken, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var events = new List<GoogleEvent>();
        string? pageToken = null;
        for (var page = 0; page < current.MaxPages; page++)
        {
            var query = new StringBuilder("calendars/primary/events?singleEvents=true&maxResults=")
                .Append(current.PageSize.ToString(CultureInfo.InvariantCulture));
            if (syncToken is not null)
            {
                // Google refuses a time window together with a sync token: the window is the caller's to apply.
                query.Append("&syncToken=").Append(Uri.EscapeDataString(syncToken));
            }
            else
            {
                query.Append("&timeMin=").Append(Uri.EscapeDataString(from.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))
                    .Append("&timeMax=").Append(Uri.EscapeDataString(until.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            }

            if (pageToken is not null)
            {
                query.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
            }

            using var document = await GetAsync(accessToken, query.ToString(), "list events", cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                events.AddRange(items.EnumerateArray().Select(Parse).OfType<GoogleEvent>());
            }

            pageToken = root.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            if (pageToken is null)
            {
                return new GoogleEventListing(events, root.TryGetProperty("nextSyncToken", out var sync) ? sync.GetString() : null);
            }
        }

        // Cut by the page bound: what was read is used, and the next poll starts over.
        return new GoogleEventListing(events, null);
    }

    internal static GoogleEvent? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement) || idElement.GetString() is not { Length: > 0 } id)
        {
            return null;
        }

        var cancelled = item.TryGetProperty("status", out var status) && status.GetString() == "cancelled";
        var (start, startDate) = Time(item, "start");
        var (end, endDate) = Time(item, "end");
        return new GoogleEvent(
            id,
            cancelled,
            start,
            end,
            startDate,
            endDate,
            item.TryGetProperty("transparency", out var transparency) && transparency.GetString() == "transparent",
            item.TryGetProperty("summary", out var summary) ? summary.GetString() : null,
            item.TryGetProperty("description", out var description) && description.GetString() is { Length: > 0 },
            item.TryGetProperty("attendees", out var attendees) && attendees.ValueKind == JsonValueKind.Array && attendees.GetArrayLength() > 0);
    }

    private static (DateTimeOffset? At, DateOnly? Date) Time(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        if (value.TryGetProperty("dateTime", out var dateTime)
            && DateTimeOffset.TryParse(dateTime.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return (at, null);
        }

        return value.TryGetProperty("date", out var date)
            && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (null, day)
            : (null, null);
    }

    private async Task<JsonDocument> GetAsync(string accessToken, string relative, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{options.CurrentValue.ApiBaseUrl.TrimEnd('/')}/{relative}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var client = httpClientFactory.CreateClient(GoogleHttp.ClientName);
        using var response = await GoogleHttp.SendAsync(client, request, operation, time, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            throw new GoogleCalendarException(GoogleCalendarFault.Unavailable, $"Google's answer to {operation} was not JSON.");
        }
    }
}
