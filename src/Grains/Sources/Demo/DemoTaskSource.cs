using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Sources.Demo;

/// <summary>
/// Sample tasks so that a newcomer sees a real tip without connecting anything. Every user gets
/// the same handful, with due dates and ages relative to the day they first see them. It needs no
/// authorization (<see cref="RequiresAuthorization"/> is false): its OAuth members are not supported,
/// completing a task only hides it in oO, and there is nothing to revoke.
/// </summary>
public sealed class DemoTaskSource(IOptions<DemoOptions> options, [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time) : ITaskSource
{
    public const string ProviderName = "demo";

    private static readonly (string Ref, string Content, int Priority, int? DueInDays, int AgeDays)[] Samples =
    [
        ("demo-1", "Reply to Sam about Thursday's design review", 3, 0, 2),
        ("demo-2", "Renew the car insurance before it lapses", 4, -1, 20),
        ("demo-3", "Book a dentist appointment", 2, 3, 35),
        ("demo-4", "Water the plants on the balcony", 1, 0, 1),
        ("demo-5", "Draft the quarterly update for the team", 3, 2, 6),
        ("demo-6", "Call Mum", 2, null, 12),
        ("demo-7", "Pay the electricity bill", 4, 1, 4),
        ("demo-8", "Read one chapter of the book on your nightstand", 1, null, 60),
    ];

    public string Name => ProviderName;

    public string DisplayName => "Demo tasks";

    public bool RequiresAuthorization => false;

    /// <summary>Always: a user connected to the demo keeps it even when new users no longer get it.</summary>
    public bool IsAvailable => true;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public Uri BuildAuthorizeUrl(string state, Uri redirectUri) => throw NoAuthorization();

    public Task<SourceTokens> ExchangeCode(string code, Uri redirectUri, CancellationToken cancellationToken) => throw NoAuthorization();

    public Task<SourceTokens> RefreshTokens(SourceTokens tokens, CancellationToken cancellationToken) => throw NoAuthorization();

    public Task<SourceAccount> GetAccount(SourceTokens tokens, CancellationToken cancellationToken) => throw NoAuthorization();

    public Task CompleteTask(SourceAccess access, string sourceRef, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task Revoke(SourceTokens tokens, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<SourceTask>> FetchOpenTasks(SourceAccess access, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        IReadOnlyList<SourceTask> tasks = Samples
            .Select(s => new SourceTask(
                s.Ref,
                s.Content,
                s.Priority,
                s.DueInDays is { } days ? today.AddDays(days) : null,
                DueAt: null,
                AddedAt: now.AddDays(-s.AgeDays)))
            .ToList();
        return Task.FromResult(tasks);
    }

    private static NotSupportedException NoAuthorization() => new("The demo source needs no authorization.");
}
