using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
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
/// A local Todoist for tests: a Kestrel server on 127.0.0.1 (a free port) that follows the public
/// contract of Todoist's OAuth endpoints and REST API v1 closely enough to drive a client end to
/// end, with scripted faults. Configure clients with <see cref="AuthBaseUrl"/> and <see cref="ApiBaseUrl"/>.
/// </summary>
/// <remarks>
/// Seeded tasks are served verbatim (including any <c>checked</c>/<c>is_deleted</c> flags a test
/// sets), so a client's own filtering can be tested; a task closed through the API stops being
/// served unless its due date is recurring, as in Todoist.
/// </remarks>
public sealed class TodoistStandIn : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedForGood = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _closes = new(StringComparer.Ordinal);
    private readonly List<ScriptedFault> _faults = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<IReadOnlyDictionary<string, string>> _tokenRequests = [];
    private readonly List<RevokeRequest> _revokeRequests = [];
    private readonly ConcurrentQueue<string> _issuedSecrets = new();
    private WebApplication? _app;
    private long _nextId = 1000;

    private TodoistStandIn(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The app's client id the stand-in accepts.</summary>
    public string ClientId { get; }

    /// <summary>The app's client secret the stand-in accepts; also the webhook signing key.</summary>
    public string ClientSecret { get; }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash).</summary>
    public string RootUrl { get; private set; } = string.Empty;

    /// <summary>What to configure as <c>OO:Todoist:AuthBaseUrl</c>.</summary>
    public string AuthBaseUrl => $"{RootUrl}/oauth";

    /// <summary>What to configure as <c>OO:Todoist:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => $"{RootUrl}/api/v1";

    /// <summary>The Todoist user who "approves" at <c>/oauth/authorize</c>. Default: <c>1001</c>.</summary>
    public string AuthorizingUserId { get; set; } = "1001";

    /// <summary>
    /// The redirect URI registered for the app, used when <c>/oauth/authorize</c> gets none.
    /// Default: none (then a redirect_uri is required).
    /// </summary>
    public string? RegisteredRedirectUri { get; set; }

    /// <summary>Access-token lifetime; null (default) issues tokens that never expire, as for older apps.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }

    /// <summary>Whether token answers include a refresh token. Default: true.</summary>
    public bool IssueRefreshTokens { get; set; } = true;

    /// <summary>Every request seen, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>The form fields of every <c>/oauth/access_token</c> request, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests
    {
        get { lock (_gate) { return [.. _tokenRequests]; } }
    }

    /// <summary>Every <c>/revoke</c> request: its Authorization header and form fields.</summary>
    public IReadOnlyList<RevokeRequest> RevokeRequests
    {
        get { lock (_gate) { return [.. _revokeRequests]; } }
    }

    /// <summary>Every code, access token and refresh token issued so far (to prove none reach a log).</summary>
    public IReadOnlyCollection<string> IssuedSecrets => [.. _issuedSecrets];

    /// <summary>Starts a stand-in on 127.0.0.1 with a free port.</summary>
    public static async Task<TodoistStandIn> StartAsync(
        string clientId = "oo-test-client",
        string clientSecret = "oo-test-client-secret",
        CancellationToken cancellationToken = default)
    {
        var standIn = new TodoistStandIn(clientId, clientSecret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        standIn.Map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.RootUrl = address.TrimEnd('/');
        standIn._app = app;
        return standIn;
    }

    /// <summary>Adds (or updates) a user with a time zone for <c>/user</c>.</summary>
    public void AddUser(string userId, string timeZone = "UTC")
    {
        lock (_gate)
        {
            User(userId).TimeZone = timeZone;
        }
    }

    /// <summary>
    /// Seeds one task for <paramref name="userId"/> with a fresh id and v1 defaults; change any
    /// field (e.g. <c>due</c>, <c>priority</c>, <c>checked</c>) in <paramref name="customize"/>.
    /// </summary>
    public JsonObject AddTask(string userId, string content, Action<JsonObject>? customize = null)
    {
        lock (_gate)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            var task = new JsonObject
            {
                ["id"] = id,
                ["user_id"] = userId,
                ["project_id"] = "p-inbox",
                ["section_id"] = null,
                ["parent_id"] = null,
                ["content"] = content,
                ["description"] = string.Empty,
                ["priority"] = 1,
                ["due"] = null,
                ["deadline"] = null,
                ["duration"] = null,
                ["labels"] = new JsonArray(),
                ["checked"] = false,
                ["is_deleted"] = false,
                ["added_at"] = "2025-01-02T03:04:05.000000Z",
                ["updated_at"] = "2025-01-02T03:04:05.000000Z",
                ["completed_at"] = null,
            };
            customize?.Invoke(task);
            User(userId).Tasks.Add(task);
            return task;
        }
    }

    /// <summary>Seeds <paramref name="count"/> plain tasks named "Task 1".."Task n".</summary>
    public IReadOnlyList<JsonObject> AddTasks(string userId, int count) =>
        [.. Enumerable.Range(1, count).Select(i => AddTask(userId, $"Task {i}"))];

    /// <summary>Issues an authorization code for <paramref name="userId"/>, as if they had approved.</summary>
    public string IssueCode(string userId, string? redirectUri = null)
    {
        lock (_gate)
        {
            User(userId);
            var code = Secret("code");
            _codes[code] = new CodeGrant(userId, redirectUri);
            return code;
        }
    }

    /// <summary>Issues a token pair for <paramref name="userId"/> without the OAuth dance.</summary>
    public TokenPair IssueTokens(string userId)
    {
        lock (_gate)
        {
            User(userId);
            return IssuePair(userId);
        }
    }

    /// <summary>How often <c>/tasks/{id}/close</c> succeeded for this task.</summary>
    public int CloseCount(string taskId)
    {
        lock (_gate)
        {
            return _closes.GetValueOrDefault(taskId);
        }
    }

    /// <summary>How many requests had this method and exact path.</summary>
    public int RequestCount(string method, string path)
    {
        lock (_gate)
        {
            return _requests.Count(r => r.Method == method && r.Path == path);
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests answer 429 with this <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public void RateLimitNext(int count, string retryAfter = "30", string? pathPrefix = null) =>
        Script(new ScriptedFault(FaultKind.RateLimit, count, pathPrefix) { RetryAfter = retryAfter });

    /// <summary>The next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> (a 5xx burst by default).</summary>
    public void FailNext(int count, int statusCode = 503, string? pathPrefix = null) =>
        Script(new ScriptedFault(FaultKind.Status, count, pathPrefix) { StatusCode = statusCode });

    /// <summary>The next <paramref name="count"/> matching requests wait <paramref name="delay"/> before answering normally.</summary>
    public void DelayNext(int count, TimeSpan delay, string? pathPrefix = null) =>
        Script(new ScriptedFault(FaultKind.Delay, count, pathPrefix) { Delay = delay });

    /// <summary>base64(HMAC-SHA256(key = client secret, message = body)), as Todoist signs webhooks.</summary>
    public string Sign(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), body));

    /// <summary>
    /// Builds a signed webhook delivery as Todoist would send it; post it with
    /// <see cref="WebhookDelivery.ToRequest"/>.
    /// </summary>
    public WebhookDelivery CreateWebhook(string eventName, string userId, JsonNode? eventData, string? deliveryId = null)
    {
        var body = new JsonObject
        {
            ["event_name"] = eventName,
            ["user_id"] = userId,
            ["event_data"] = eventData?.DeepClone(),
            ["initiator"] = new JsonObject
            {
                ["id"] = userId,
                ["email"] = $"{userId}@example.test",
                ["full_name"] = $"User {userId}",
                ["is_premium"] = false,
                ["image_id"] = null,
            },
            ["triggered_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["version"] = "10",
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        return new WebhookDelivery(bytes, Sign(bytes), deliveryId ?? Guid.NewGuid().ToString("N"));
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
            var fault = Record(context.Request);
            switch (fault)
            {
                case { Kind: FaultKind.RateLimit }:
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                    await WriteJson(context, new JsonObject { ["error"] = "Too many requests" });
                    return;
                case { Kind: FaultKind.Status }:
                    context.Response.StatusCode = fault.StatusCode;
                    await WriteJson(context, new JsonObject { ["error"] = "Scripted failure" });
                    return;
                case { Kind: FaultKind.Delay }:
                    try
                    {
                        await Task.Delay(fault.Delay, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    break;
            }

            await next(context);
        });

        app.MapGet("/oauth/authorize", Authorize);
        app.MapPost("/oauth/access_token", AccessToken);
        app.MapPost("/api/v1/revoke", Revoke);
        app.MapGet("/api/v1/tasks", Tasks);
        app.MapPost("/api/v1/tasks/{id}/close", Close);
        app.MapGet("/api/v1/user", CurrentUser);
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId)
        {
            return Results.BadRequest(new { error = "invalid_client" });
        }

        if (string.IsNullOrEmpty(query["scope"]) || string.IsNullOrEmpty(query["state"]))
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }

        var redirect = query["redirect_uri"].ToString() is { Length: > 0 } given ? given : RegisteredRedirectUri;
        if (redirect is null)
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }

        var code = IssueCode(AuthorizingUserId, query["redirect_uri"].ToString() is { Length: > 0 } r ? r : null);
        var separator = redirect.Contains('?') ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<IResult> AccessToken(HttpRequest request)
    {
        var form = await ReadForm(request);
        lock (_gate)
        {
            _tokenRequests.Add(form);
            if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (form.GetValueOrDefault("grant_type") == "refresh_token")
            {
                var refresh = form.GetValueOrDefault("refresh_token") ?? string.Empty;
                if (!_refreshTokens.Remove(refresh, out var oldAccess) || !_accessTokens.TryGetValue(oldAccess, out var grant))
                {
                    return Results.BadRequest(new { error = "invalid_grant" });
                }

                // Rotation: the old pair dies with the refresh.
                _accessTokens.Remove(oldAccess);
                return TokenAnswer(IssuePair(grant.UserId));
            }

            var code = form.GetValueOrDefault("code") ?? string.Empty;
            if (!_codes.Remove(code, out var codeGrant)
                || (codeGrant.RedirectUri is not null && form.GetValueOrDefault("redirect_uri") != codeGrant.RedirectUri))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            return TokenAnswer(IssuePair(codeGrant.UserId));
        }
    }

    private async Task<IResult> Revoke(HttpRequest request)
    {
        var form = await ReadForm(request);
        var authorization = request.Headers.Authorization.ToString();
        lock (_gate)
        {
            _revokeRequests.Add(new RevokeRequest(authorization, form));
            if (!IsClientBasic(authorization))
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            // RFC 7009: an unknown token is not an error.
            var token = form.GetValueOrDefault("token") ?? string.Empty;
            if (_accessTokens.Remove(token))
            {
                foreach (var refresh in _refreshTokens.Where(p => p.Value == token).Select(p => p.Key).ToList())
                {
                    _refreshTokens.Remove(refresh);
                }
            }

            return Results.Ok();
        }
    }

    private IResult Tasks(HttpRequest request)
    {
        lock (_gate)
        {
            if (Authenticate(request) is not { } user)
            {
                return Unauthorized();
            }

            var limit = 50;
            if (request.Query.TryGetValue("limit", out var limitText)
                && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 200))
            {
                return Results.BadRequest(new { error = "limit must be between 1 and 200" });
            }

            var offset = 0;
            if (request.Query["cursor"].ToString() is { Length: > 0 } cursor && !TryReadCursor(cursor, out offset))
            {
                return Results.BadRequest(new { error = "invalid cursor" });
            }

            var open = user.Tasks.Where(t => !_closedForGood.Contains(t["id"]!.GetValue<string>())).ToList();
            var page = new JsonArray([.. open.Skip(offset).Take(limit).Select(t => t.DeepClone())]);
            var next = offset + limit < open.Count ? WriteCursor(offset + limit) : null;
            return Results.Text(new JsonObject { ["results"] = page, ["next_cursor"] = next }.ToJsonString(), "application/json");
        }
    }

    private IResult Close(HttpRequest request, string id)
    {
        lock (_gate)
        {
            if (Authenticate(request) is not { } user)
            {
                return Unauthorized();
            }

            var task = user.Tasks.FirstOrDefault(t => t["id"]!.GetValue<string>() == id);
            if (task is null || _closedForGood.Contains(id))
            {
                return Results.NotFound(new { error = "Task not found" });
            }

            _closes[id] = _closes.GetValueOrDefault(id) + 1;
            var recurring = task["due"] is JsonObject due && due["is_recurring"]?.GetValue<bool>() == true;
            if (!recurring)
            {
                _closedForGood.Add(id);
            }

            return Results.NoContent();
        }
    }

    private IResult CurrentUser(HttpRequest request)
    {
        lock (_gate)
        {
            if (Authenticate(request) is not { } user)
            {
                return Unauthorized();
            }

            var body = new JsonObject
            {
                ["id"] = user.Id,
                ["email"] = $"{user.Id}@example.test",
                ["full_name"] = $"User {user.Id}",
                ["tz_info"] = new JsonObject
                {
                    ["timezone"] = user.TimeZone,
                    ["gmt_string"] = "+00:00",
                    ["hours"] = 0,
                    ["minutes"] = 0,
                    ["is_dst"] = 0,
                },
            };
            return Results.Text(body.ToJsonString(), "application/json");
        }
    }

    private ScriptedFault? Record(HttpRequest request)
    {
        lock (_gate)
        {
            var path = request.Path.Value ?? string.Empty;
            _requests.Add(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.Headers.Authorization.ToString()));
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && (f.PathPrefix is null || path.StartsWith(f.PathPrefix, StringComparison.Ordinal)));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private void Script(ScriptedFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    // Callers hold _gate.
    private UserState? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var token = header["Bearer ".Length..].Trim();
        if (!_accessTokens.TryGetValue(token, out var grant))
        {
            return null;
        }

        if (grant.ExpiresAt is { } expiresAt && expiresAt <= DateTimeOffset.UtcNow)
        {
            return null;
        }

        return User(grant.UserId);
    }

    // Callers hold _gate.
    private UserState User(string userId)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            user = new UserState(userId);
            _users[userId] = user;
        }

        return user;
    }

    // Callers hold _gate.
    private TokenPair IssuePair(string userId)
    {
        var access = Secret("access");
        var refresh = IssueRefreshTokens ? Secret("refresh") : null;
        _accessTokens[access] = new AccessGrant(userId, AccessTokenLifetime is { } lifetime ? DateTimeOffset.UtcNow + lifetime : null);
        if (refresh is not null)
        {
            _refreshTokens[refresh] = access;
        }

        return new TokenPair(access, refresh);
    }

    private IResult TokenAnswer(TokenPair pair)
    {
        var body = new JsonObject { ["access_token"] = pair.AccessToken, ["token_type"] = "Bearer" };
        if (pair.RefreshToken is not null)
        {
            body["refresh_token"] = pair.RefreshToken;
        }

        if (AccessTokenLifetime is { } lifetime)
        {
            body["expires_in"] = (int)Math.Ceiling(lifetime.TotalSeconds);
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private bool IsClientBasic(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            return colon > 0
                && Uri.UnescapeDataString(decoded[..colon]) == ClientId
                && Uri.UnescapeDataString(decoded[(colon + 1)..]) == ClientSecret;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string Secret(string kind)
    {
        var value = $"{kind}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}";
        _issuedSecrets.Enqueue(value);
        return value;
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = "Unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<IReadOnlyDictionary<string, string>> ReadForm(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return new Dictionary<string, string>();
        }

        var form = await request.ReadFormAsync();
        return form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private static Task WriteJson(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static string WriteCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("offset:".Length), CultureInfo.InvariantCulture, out offset)
                && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A request as the stand-in saw it.</summary>
    public sealed record RecordedRequest(string Method, string Path, string QueryString, string Authorization);

    /// <summary>A <c>/revoke</c> request: its Authorization header and form fields.</summary>
    public sealed record RevokeRequest(string Authorization, IReadOnlyDictionary<string, string> Form);

    /// <summary>A token pair the stand-in issued.</summary>
    public sealed record TokenPair(string AccessToken, string? RefreshToken);

    /// <summary>A signed webhook delivery, as Todoist would POST it.</summary>
    public sealed record WebhookDelivery(byte[] Body, string Signature, string DeliveryId)
    {
        /// <summary>A POST of the body to <paramref name="target"/> with Todoist's headers.</summary>
        public HttpRequestMessage ToRequest(Uri target)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Todoist-Hmac-SHA256", Signature);
            request.Headers.Add("X-Todoist-Delivery-ID", DeliveryId);
            request.Headers.UserAgent.ParseAdd("Todoist-Webhooks");
            return request;
        }
    }

    private enum FaultKind
    {
        RateLimit,
        Status,
        Delay,
    }

    private sealed record ScriptedFault(FaultKind Kind, int Count, string? PathPrefix)
    {
        public int Remaining { get; set; } = Count;

        public string RetryAfter { get; init; } = "30";

        public int StatusCode { get; init; } = 503;

        public TimeSpan Delay { get; init; }
    }

    private sealed record CodeGrant(string UserId, string? RedirectUri);

    private sealed record AccessGrant(string UserId, DateTimeOffset? ExpiresAt);

    private sealed class UserState(string id)
    {
        public string Id { get; } = id;

        public string TimeZone { get; set; } = "UTC";

        public List<JsonObject> Tasks { get; } = [];
    }
}
