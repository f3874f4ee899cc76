using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OO.Testing.StandIns;

/// <summary>
/// A local Google (OAuth and Calendar API v3) for tests: a Kestrel server on 127.0.0.1 serving a discovery document,
/// the authorize page (approves at once), the token endpoint (code and refresh), revocation, <c>calendars/primary</c>
/// and <c>events.list</c> on the primary calendar with <c>pageToken</c> and <c>syncToken</c> (410 on an expired one),
/// recurring events expanded into instances when <c>singleEvents=true</c>, cancellations, and scripted 429s.
/// Configure clients with <see cref="Authority"/> and <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed class GoogleCalendarStandIn : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<StandInEvent> _events = [];
    private int _eventIds;
    private long _rejectedBelow;
    private readonly Dictionary<string, long> _cancelledInstances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _refreshTokens = new(StringComparer.Ordinal);
    private readonly List<(int Count, int Status, string? RetryAfter, string? PathPrefix)> _faults = [];
    private readonly List<string> _eventQueries = [];
    private readonly List<string> _revoked = [];
    private readonly List<IReadOnlyDictionary<string, string>> _authorizeQueries = [];
    private WebApplication? _app;
    private long _sequence = 1;
    private long _expiredBelow;
    private int _nextSecret;

    private GoogleCalendarStandIn(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The server root, also the issuer: what to configure as <c>OO:Auth:Google:Authority</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>What to configure as <c>OO:GoogleCalendar:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => $"{Authority}/calendar/v3";

    /// <summary>The primary calendar's id (an address, as at Google).</summary>
    public string CalendarId { get; set; } = "person@example.test";

    /// <summary>The primary calendar's time zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long an access token lives. Default: 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, served verbatim as the discovery document instead of the stand-in's own.</summary>
    public string? DiscoveryDocument { get; set; }

    /// <summary>Every query string <c>events.list</c> was called with, in order.</summary>
    public IReadOnlyList<string> EventQueries { get { lock (_gate) { return [.. _eventQueries]; } } }

    /// <summary>Every token handed to the revocation endpoint, in order.</summary>
    public IReadOnlyList<string> Revoked { get { lock (_gate) { return [.. _revoked]; } } }

    /// <summary>The query of every authorize request, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> AuthorizeQueries { get { lock (_gate) { return [.. _authorizeQueries]; } } }

    /// <summary>How many sync tokens were refused with 410 Gone.</summary>
    public int GoneAnswers { get; private set; }

    /// <summary>How many sync tokens were refused with 400 Bad Request (see <see cref="RejectSyncTokens"/>).</summary>
    public int RejectedSyncTokens { get; private set; }

    public static async Task<GoogleCalendarStandIn> StartAsync(string clientId = "oo-google-client", string clientSecret = "oo-google-secret")
    {
        var standIn = new GoogleCalendarStandIn(clientId, clientSecret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        standIn.Map(app);
        await app.StartAsync();
        standIn.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        standIn._app = app;
        return standIn;
    }

    /// <summary>
    /// Adds an event (a series of <paramref name="dailyInstances"/> daily instances when more than one) and returns its id.
    /// Only events with <paramref name="attendees"/> or a <paramref name="description"/> should become reminders.
    /// </summary>
    public string AddEvent(
        string summary, DateTimeOffset start, TimeSpan length, bool busy = true, int attendees = 0, string? description = null,
        int dailyInstances = 1, bool allDay = false)
    {
        lock (_gate)
        {
            var id = $"ev{++_eventIds}";
            _events.Add(new StandInEvent(id, summary, start, length, busy, attendees, description, dailyInstances, allDay) { ChangedAt = ++_sequence });
            return id;
        }
    }

    /// <summary>Cancels a whole event (or series).</summary>
    public void CancelEvent(string id)
    {
        lock (_gate)
        {
            var item = _events.Single(e => e.Id == id);
            item.Cancelled = true;
            item.ChangedAt = ++_sequence;
        }
    }

    /// <summary>Cancels one instance of a recurring event, by the instance's id (see <see cref="InstanceId"/>).</summary>
    public void CancelInstance(string instanceId)
    {
        lock (_gate)
        {
            _cancelledInstances[instanceId] = ++_sequence;
        }
    }

    /// <summary>The id Google gives the instance of series <paramref name="seriesId"/> that starts at <paramref name="start"/>.</summary>
    public static string InstanceId(string seriesId, DateTimeOffset start) =>
        $"{seriesId}_{start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Makes every sync token issued so far answer 400 Bad Request (as Google does for a token it does not take).</summary>
    public void RejectSyncTokens()
    {
        lock (_gate)
        {
            _rejectedBelow = _sequence + 1;
        }
    }

    /// <summary>
    /// From now on the person signs in as another Google account: another primary calendar, without any of the events
    /// so far (and no incremental listing reports them gone, as they were never this calendar's).
    /// </summary>
    public void SwitchAccount(string calendarId)
    {
        lock (_gate)
        {
            CalendarId = calendarId;
            _events.Clear();
            _cancelledInstances.Clear();
        }
    }

    /// <summary>Makes every sync token issued so far answer 410 Gone (as when Google resets a calendar's tokens).</summary>
    public void ExpireSyncTokens()
    {
        lock (_gate)
        {
            _expiredBelow = _sequence + 1;
        }
    }

    /// <summary>The next <paramref name="count"/> requests (under <paramref name="pathPrefix"/>, if given) answer 429 with this Retry-After.</summary>
    public void RateLimitNext(int count, string retryAfter = "30", string? pathPrefix = null)
    {
        lock (_gate)
        {
            _faults.Add((count, StatusCodes.Status429TooManyRequests, retryAfter, pathPrefix));
        }
    }

    /// <summary>The next <paramref name="count"/> requests (under <paramref name="pathPrefix"/>, if given) answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 503, string? pathPrefix = null)
    {
        lock (_gate)
        {
            _faults.Add((count, status, null, pathPrefix));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (TakeFault(context.Request.Path.Value ?? "") is { } fault)
            {
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                await context.Response.WriteAsync("""{"error":{"code":429,"message":"Scripted"}}""");
                return;
            }

            await next(context);
        });
        app.MapGet("/.well-known/openid-configuration", () => DiscoveryDocument is { } replaced ? Results.Text(replaced, "application/json") : Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/o/oauth2/v2/auth",
            ["token_endpoint"] = $"{Authority}/token",
            ["revocation_endpoint"] = $"{Authority}/revoke",
            ["jwks_uri"] = $"{Authority}/oauth2/v3/certs",
        }));
        app.MapGet("/o/oauth2/v2/auth", Authorize);
        app.MapPost("/token", Token);
        app.MapPost("/revoke", Revoke);
        app.MapGet("/calendar/v3/calendars/primary", (HttpRequest request) =>
            Authenticated(request) ? Results.Json(new { kind = "calendar#calendar", id = CalendarId, timeZone = TimeZone }) : Unauthorized());
        app.MapGet("/calendar/v3/calendars/primary/events", ListEvents);
    }

    private (int Status, string? RetryAfter)? TakeFault(string path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.PathPrefix is null || path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            if (fault.Count <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = fault with { Count = fault.Count - 1 };
            }

            return (fault.Status, fault.RetryAfter);
        }
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (_gate)
        {
            _authorizeQueries.Add(query);
        }

        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code"
            || query.GetValueOrDefault("redirect_uri") is not { Length: > 0 } redirect || query.GetValueOrDefault("state") is not { Length: > 0 } state
            || !(query.GetValueOrDefault("scope") ?? "").Split(' ').Contains("https://www.googleapis.com/auth/calendar.readonly"))
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }

        var code = Secret("code");
        lock (_gate)
        {
            _codes[code] = redirect;
        }

        return Results.Redirect($"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        lock (_gate)
        {
            switch (form.GetValueOrDefault("grant_type"))
            {
                case "authorization_code":
                    if (!_codes.Remove(form.GetValueOrDefault("code") ?? "", out var redirect) || redirect != form.GetValueOrDefault("redirect_uri"))
                    {
                        return Results.BadRequest(new { error = "invalid_grant" });
                    }

                    var refresh = Secret("refresh");
                    var access = IssueAccess(refresh);
                    return Results.Json(new { access_token = access, expires_in = (int)AccessTokenLifetime.TotalSeconds, refresh_token = refresh, scope = "https://www.googleapis.com/auth/calendar.readonly", token_type = "Bearer" });
                case "refresh_token":
                    var given = form.GetValueOrDefault("refresh_token") ?? "";
                    if (!_refreshTokens.ContainsKey(given))
                    {
                        return Results.BadRequest(new { error = "invalid_grant" });
                    }

                    // As at Google: a refresh answers no new refresh token; the old one stays valid.
                    return Results.Json(new { access_token = IssueAccess(given), expires_in = (int)AccessTokenLifetime.TotalSeconds, token_type = "Bearer" });
                default:
                    return Results.BadRequest(new { error = "unsupported_grant_type" });
            }
        }
    }

    private async Task<IResult> Revoke(HttpRequest request)
    {
        var token = (await request.ReadFormAsync())["token"].ToString();
        lock (_gate)
        {
            _revoked.Add(token);
            if (_refreshTokens.Remove(token, out var accessTokens))
            {
                accessTokens.ForEach(a => _accessTokens.Remove(a));
                return Results.Ok();
            }

            return _accessTokens.Remove(token) ? Results.Ok() : Results.BadRequest(new { error = "invalid_token" });
        }
    }

    private IResult ListEvents(HttpRequest request)
    {
        if (!Authenticated(request))
        {
            return Unauthorized();
        }

        var query = request.Query;
        lock (_gate)
        {
            _eventQueries.Add(request.QueryString.Value ?? "");
            var syncToken = query["syncToken"].ToString();
            var incremental = syncToken.Length > 0;
            if (incremental && (query.ContainsKey("timeMin") || query.ContainsKey("timeMax")))
            {
                return Results.BadRequest(new { error = new { code = 400, message = "syncToken cannot be combined with timeMin or timeMax" } });
            }

            long since = 0;
            if (incremental && syncToken.StartsWith("sync-", StringComparison.Ordinal)
                && long.TryParse(syncToken.AsSpan(5), CultureInfo.InvariantCulture, out var issued) && issued < _rejectedBelow)
            {
                RejectedSyncTokens++;
                return Results.BadRequest(new { error = new { code = 400, message = "Invalid sync token value." } });
            }

            if (incremental && (!syncToken.StartsWith("sync-", StringComparison.Ordinal)
                || !long.TryParse(syncToken.AsSpan(5), CultureInfo.InvariantCulture, out since) || since < _expiredBelow))
            {
                GoneAnswers++;
                return Results.Json(new { error = new { code = 410, message = "Sync token is no longer valid, a full sync is required." } }, statusCode: StatusCodes.Status410Gone);
            }

            var expand = query["singleEvents"] == "true";
            var items = new List<JsonObject>();
            foreach (var item in _events)
            {
                items.AddRange(Items(item, expand, incremental, since));
            }

            if (!incremental)
            {
                var from = Parse(query["timeMin"]) ?? DateTimeOffset.MinValue;
                var until = Parse(query["timeMax"]) ?? DateTimeOffset.MaxValue;
                items = [.. items.Where(i => i["status"]!.GetValue<string>() != "cancelled" && End(i) > from && Start(i) < until)];
            }

            var size = int.TryParse(query["maxResults"], CultureInfo.InvariantCulture, out var max) && max > 0 ? Math.Min(max, 2500) : 250;
            var offset = query["pageToken"].ToString() is { Length: > 0 } page && page.StartsWith("page-", StringComparison.Ordinal)
                && int.TryParse(page.AsSpan(5), CultureInfo.InvariantCulture, out var at) ? at : 0;
            var body = new JsonObject
            {
                ["kind"] = "calendar#events",
                ["timeZone"] = TimeZone,
                ["items"] = new JsonArray([.. items.Skip(offset).Take(size)]),
            };
            if (offset + size < items.Count)
            {
                body["nextPageToken"] = $"page-{offset + size}";
            }
            else
            {
                body["nextSyncToken"] = $"sync-{_sequence}";
            }

            return Results.Text(body.ToJsonString(), "application/json");
        }
    }

    /// <summary>An event as listed: the series itself, or its instances; in an incremental listing only what changed since.</summary>
    private IEnumerable<JsonObject> Items(StandInEvent item, bool expand, bool incremental, long since)
    {
        var starts = Enumerable.Range(0, expand ? item.Instances : 1).Select(i => item.Start.AddDays(i)).ToList();
        foreach (var start in starts)
        {
            var id = item.Instances > 1 && expand ? InstanceId(item.Id, start) : item.Id;
            var instanceCancelled = _cancelledInstances.TryGetValue(id, out var cancelledAt);
            var changedAt = Math.Max(item.ChangedAt, instanceCancelled ? cancelledAt : 0);
            if (incremental && changedAt <= since)
            {
                continue;
            }

            var json = new JsonObject
            {
                ["kind"] = "calendar#event",
                ["id"] = id,
                ["status"] = item.Cancelled || instanceCancelled ? "cancelled" : "confirmed",
                ["summary"] = item.Summary,
                ["transparency"] = item.Busy ? "opaque" : "transparent",
                ["start"] = Time(start, item.AllDay),
                ["end"] = Time(start + item.Length, item.AllDay),
            };
            if (item.Description is not null)
            {
                json["description"] = item.Description;
            }

            if (item.Attendees > 0)
            {
                json["attendees"] = new JsonArray([.. Enumerable.Range(1, item.Attendees).Select(i => (JsonNode)new JsonObject { ["email"] = $"guest{i}@example.test" })]);
            }

            if (item.Instances > 1 && expand)
            {
                json["recurringEventId"] = item.Id;
                json["originalStartTime"] = Time(start, item.AllDay);
            }
            else if (item.Instances > 1)
            {
                json["recurrence"] = new JsonArray($"RRULE:FREQ=DAILY;COUNT={item.Instances}");
            }

            yield return json;
        }
    }

    private static JsonObject Time(DateTimeOffset at, bool allDay) => allDay
        ? new JsonObject { ["date"] = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
        : new JsonObject { ["dateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) };

    private static DateTimeOffset Start(JsonObject item) => Read(item["start"]!.AsObject());

    private static DateTimeOffset End(JsonObject item) => Read(item["end"]!.AsObject());

    private static DateTimeOffset Read(JsonObject time) =>
        time["dateTime"] is { } at
            ? DateTimeOffset.Parse(at.GetValue<string>(), CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse(time["date"]!.GetValue<string>() + "T00:00:00Z", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        lock (_gate)
        {
            return header.StartsWith("Bearer ", StringComparison.Ordinal)
                && _accessTokens.TryGetValue(header[7..], out var expires) && expires > DateTimeOffset.UtcNow;
        }
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = new { code = 401, message = "Invalid Credentials" } }, statusCode: StatusCodes.Status401Unauthorized);

    private string IssueAccess(string refresh)
    {
        var access = Secret("access");
        _accessTokens[access] = DateTimeOffset.UtcNow + AccessTokenLifetime;
        if (!_refreshTokens.TryGetValue(refresh, out var issued))
        {
            _refreshTokens[refresh] = issued = [];
        }

        issued.Add(access);
        return access;
    }

    private string Secret(string kind) => $"{kind}-{Interlocked.Increment(ref _nextSecret)}-{Guid.NewGuid():N}";

    private sealed record StandInEvent(
        string Id, string Summary, DateTimeOffset Start, TimeSpan Length, bool Busy, int Attendees, string? Description, int Instances, bool AllDay)
    {
        public bool Cancelled { get; set; }

        public long ChangedAt { get; set; }
    }
}
