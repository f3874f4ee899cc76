using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Tasks;
using OO.Todoist;
using OO.Todoist.Api;
using OO.Todoist.OAuth;

namespace OO.Grains.Sources.Todoist;

/// <summary>
/// Todoist (API v1) as a task source, over the <c>OO.Todoist</c> clients. Offered only when
/// <c>OO:Todoist:ClientId</c> is configured. Library faults become <see cref="TaskSourceException"/>s.
/// </summary>
public sealed class TodoistTaskSource(
    ITodoistOAuthClient oauth,
    ITodoistApiClient api,
    IOptionsMonitor<TodoistOptions> options,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time) : ITaskSource
{
    public const string ProviderName = "todoist";

    public string Name => ProviderName;

    public string DisplayName => "Todoist";

    public bool RequiresAuthorization => true;

    public bool IsAvailable => options.CurrentValue.IsConfigured;

    public TimeSpan PollInterval => options.CurrentValue.PollInterval;

    public Uri BuildAuthorizeUrl(string state, Uri redirectUri) => oauth.BuildAuthorizeUrl(state, redirectUri);

    public Task<SourceTokens> ExchangeCode(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        Call(async () => ToSource(await oauth.ExchangeCodeAsync(code, redirectUri, cancellationToken)));

    public Task<SourceTokens> RefreshTokens(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () => ToSource(await oauth.RefreshAsync(
            tokens.RefreshToken ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "There is no refresh token."),
            cancellationToken)));

    public Task<SourceAccount> GetAccount(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var user = await api.GetUserAsync(tokens.AccessToken, cancellationToken);
            return new SourceAccount(user.Id, user.TimeZone);
        });

    public Task<IReadOnlyList<SourceTask>> FetchOpenTasks(SourceAccess access, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var tasks = await api.GetActiveTasksAsync(access.RequireTokens().AccessToken, cancellationToken);
            var zone = access.Zone();
            var now = time.GetUtcNow();
            IReadOnlyList<SourceTask> mapped = [.. tasks.Select(t => Map(t, zone, now))];
            return mapped;
        });

    public Task CompleteTask(SourceAccess access, string sourceRef, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            await api.CloseTaskAsync(access.RequireTokens().AccessToken, sourceRef, cancellationToken);
            return true;
        });

    public Task Revoke(SourceTokens tokens, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            await oauth.RevokeAsync(tokens.AccessToken, cancellationToken);
            return true;
        });

    /// <summary>
    /// A Todoist task as a candidate: the same priority scale (1 normal … 4 urgent); a whole-day due
    /// date becomes <see cref="SourceTask.DueDate"/> only; a due time (fixed, or floating and read in
    /// <paramref name="userZone"/>) becomes <see cref="SourceTask.DueAt"/> and the day it falls on there.
    /// </summary>
    public static SourceTask Map(TodoistTask task, TimeZoneInfo userZone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        DateOnly? dueDate = task.Due?.Date;
        DateTimeOffset? dueAt = task.Due?.ToInstant(userZone);
        if (dueAt is { } at)
        {
            dueDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, userZone).DateTime);
        }

        return new SourceTask(task.Id, task.Content, Math.Clamp(task.Priority, 1, 4), dueDate, dueAt, task.AddedAt ?? now);
    }

    private static SourceTokens ToSource(TodoistTokenSet tokens) => new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TodoistUnauthorizedException ex)
        {
            throw new TaskSourceException(TaskSourceFault.Unauthorized, "Todoist no longer accepts oO's access.", innerException: ex);
        }
        catch (TodoistRateLimitedException ex)
        {
            throw new TaskSourceException(TaskSourceFault.RateLimited, "Todoist asked oO to slow down.", ex.RetryAfter, ex);
        }
        catch (TodoistUnavailableException ex)
        {
            throw new TaskSourceException(TaskSourceFault.Unavailable, "Todoist could not be reached.", innerException: ex);
        }
        catch (TodoistRequestException ex)
        {
            throw new TaskSourceException(TaskSourceFault.Rejected, $"Todoist refused the request ({ex.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status"}).", innerException: ex);
        }
    }
}
