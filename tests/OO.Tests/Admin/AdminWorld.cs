using System.Data.Common;
using System.Globalization;
using OO.Testing;

namespace OO.Tests.Admin;

/// <summary>
/// Writes analytics rows straight into a test host's tables, in the form each engine stores instants. The tests
/// tell their story around Tuesday 2026-03-10; every instant is moved by whole weeks (weekdays stay) so that day
/// falls in the last week before today, inside the analytics retention that the writer sweeps.
/// </summary>
internal sealed class AdminWorld(IReadOnlyDictionary<string, string?> settings)
{
    private static readonly DateOnly StoryDay = new(2026, 3, 10);

    private static readonly int ShiftDays =
        (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - StoryDay.DayNumber - 1) / 7 * 7;

    private readonly bool _sqlite = settings.GetValueOrDefault("OO:Storage:Provider") != "postgres";

    /// <summary>The story's instant, moved to now.</summary>
    public static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddDays(ShiftDays);

    /// <summary>The story's day, moved to now.</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(ShiftDays);

    /// <summary>The story's day, moved to now, as <c>yyyy-MM-dd</c>.</summary>
    public static string DayText(string text) => Day(text).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task UserAsync(string userId, string email, string created, params string[] sources) =>
        ExecuteAsync(
            "INSERT INTO oo_users (user_id, email, created_at) VALUES (@a, @b, @c)"
            + string.Concat(sources.Select((_, i) => $"; INSERT INTO oo_user_sources (user_id, source, first_connected_at, connected) VALUES (@a, @s{i}, @c, 1)")),
            [("a", userId), ("b", email), ("c", Instant(created)), .. sources.Select((s, i) => ($"s{i}", (object)s))]);

    public async Task TipAsync(string tipId, string userId, string served, string? reaction = null, string? reacted = null, double reward = 0.5)
    {
        await ExecuteAsync(
            "INSERT INTO oo_served_tips (tip_id, user_id, served_at, policy, source, source_ref, propensity, latency_us, decision_json) "
            + "VALUES (@a, @b, @c, 'linucb', 'demo', @a, 0.5, 100, '{}')",
            [("a", tipId), ("b", userId), ("c", Instant(served))]);
        if (reaction is not null)
        {
            await ExecuteAsync(
                "INSERT INTO oo_rewards (tip_id, user_id, reacted_at, reaction, dwell_ms, reward) VALUES (@a, @b, @c, @d, NULL, @e)",
                [("a", tipId), ("b", userId), ("c", Instant(reacted ?? served)), ("d", reaction), ("e", reward)]);
        }
    }

    /// <summary>Sets what a seeded tip was: its kind, its task's priority, and the model and prompt version that wrote it.</summary>
    public Task VariantAsync(string tipId, string? kind, int? priority, string? model = null, string? promptVersion = null) =>
        ExecuteAsync(
            "UPDATE oo_served_tips SET kind = @k, priority = @p, model = @m, prompt_version = @v WHERE tip_id = @a",
            [("a", tipId), ("k", (object?)kind ?? DBNull.Value), ("p", (object?)priority ?? DBNull.Value), ("m", (object?)model ?? DBNull.Value),
             ("v", (object?)promptVersion ?? DBNull.Value)]);

    public Task PushAsync(string userId, string at, string outcome) =>
        ExecuteAsync("INSERT INTO oo_push_log (user_id, at, outcome) VALUES (@a, @b, @c)", [("a", userId), ("b", Instant(at)), ("c", outcome)]);

    private object Instant(string text) =>
        _sqlite ? At(text).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : At(text).ToUniversalTime();

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters)
    {
        await using DbConnection connection = await AnalyticsRows.OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
