using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Todoist.Http;

namespace OO.Todoist.Api;

internal sealed class TodoistApiClient : ITodoistApiClient
{
    // A guard against a server whose cursor never ends: 1,000 pages of 200 is far past any real list.
    private const int MaxPages = 1000;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<TodoistOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TodoistApiClient> _logger;

    public TodoistApiClient(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<TodoistOptions> options,
        TimeProvider time,
        ILogger<TodoistApiClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<IReadOnlyList<TodoistTask>> GetActiveTasksAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var options = _options.CurrentValue;
        var baseUrl = $"{options.ApiBaseUrl.TrimEnd('/')}/tasks?limit={options.PageSize}";
        var tasks = new List<TodoistTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        var pages = 0;
        var skipped = 0;

        using var client = _httpClientFactory.CreateClient(TodoistHttp.ApiClientName);
        do
        {
            if (++pages > MaxPages)
            {
                throw new TodoistUnavailableException($"Todoist's task list did not end after {MaxPages} pages.", 200);
            }

            var url = cursor is null ? baseUrl : $"{baseUrl}&cursor={Uri.EscapeDataString(cursor)}";
            using var request = Authorized(HttpMethod.Get, url, accessToken);
            using var response = await TodoistHttp.SendAsync(client, request, "list tasks", _time, cancellationToken).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var page = await ParseAsync(body, "list tasks", cancellationToken).ConfigureAwait(false);

            if (!page.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new TodoistUnavailableException("Todoist's task page had no results array.", 200);
            }

            foreach (var element in results.EnumerateArray())
            {
                if (!TodoistTaskMapper.IsOpen(element))
                {
                    continue;
                }

                // A task edited while we page can move to a later page; it counts once.
                if (TodoistTaskMapper.TryMap(element, out var task) && seen.Add(task.Id))
                {
                    tasks.Add(task);
                }
                else if (task is null)
                {
                    skipped++;
                }
            }

            cursor = TodoistJson.StringOrNull(page.RootElement, "next_cursor");
            if (cursor is { Length: 0 })
            {
                cursor = null;
            }

            if (cursor is not null && !cursors.Add(cursor))
            {
                throw new TodoistUnavailableException("Todoist's task list repeated a cursor.", 200);
            }
        }
        while (cursor is not null);

        if (skipped > 0)
        {
            _logger.LogWarning("Skipped {Skipped} Todoist tasks without an id.", skipped);
        }

        _logger.LogDebug("Listed {Count} open Todoist tasks over {Pages} pages.", tasks.Count, pages);
        return tasks;
    }

    public async Task CloseTaskAsync(string accessToken, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var options = _options.CurrentValue;
        using var request = Authorized(HttpMethod.Post, $"{options.ApiBaseUrl.TrimEnd('/')}/tasks/{Uri.EscapeDataString(taskId)}/close", accessToken);
        using var client = _httpClientFactory.CreateClient(TodoistHttp.ApiClientName);
        using var response = await TodoistHttp.SendAsync(client, request, "close a task", _time, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Closed Todoist task {TaskId}.", taskId);
    }

    public async Task<TodoistUser> GetUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var options = _options.CurrentValue;
        using var request = Authorized(HttpMethod.Get, $"{options.ApiBaseUrl.TrimEnd('/')}/user", accessToken);
        using var client = _httpClientFactory.CreateClient(TodoistHttp.ApiClientName);
        using var response = await TodoistHttp.SendAsync(client, request, "read the user", _time, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await ParseAsync(body, "read the user", cancellationToken).ConfigureAwait(false);

        var root = document.RootElement;
        var id = TodoistJson.IdOrNull(root, "id")
            ?? throw new TodoistUnavailableException("Todoist's user had no id.", 200);
        var timeZone = root.TryGetProperty("tz_info", out var tzInfo) ? TodoistJson.StringOrNull(tzInfo, "timezone") : null;
        return new TodoistUser(id, string.IsNullOrEmpty(timeZone) ? null : timeZone);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static async Task<JsonDocument> ParseAsync(Stream body, string operation, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new TodoistUnavailableException($"Todoist's answer to {operation} was not a JSON object.", 200);
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new TodoistUnavailableException($"Todoist's answer to {operation} was not JSON.", 200, e);
        }
    }
}
