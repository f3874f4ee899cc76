using System.Data.Common;
using System.Text.Json;
using OO.Grains.Analytics;

namespace OO.Silo.Analytics;

/// <summary>Writes one <see cref="UserDirectoryChange"/> to oo_users, oo_user_sources or oo_push_log; repeating it is harmless.</summary>
internal sealed record UserDirectoryCommand(UserDirectoryChange Change) : AnalyticsCommand
{
    public override string Kind => "directory";

    public override string? OwnerId => Change.UserId;

    public override string PayloadJson() => JsonSerializer.Serialize(new { Change.Kind, Change.UserId, Change.At, Change.Sources });

    public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
    {
        Add(sql, "user", Change.UserId);
        Add(sql, "at", timestamp(Change.At));
        var sources = Change.Sources ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            Add(sql, $"source{i}", sources[i]);
        }

        sql.CommandText = Change.Kind switch
        {
            UserDirectoryChangeKind.Created => string.Concat(
                "INSERT INTO oo_users (user_id, email, created_at) VALUES (@user, @email, @at) "
                + "ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, created_at = excluded.created_at;",
                string.Concat(sources.Select((_, i) => Connect(i)))),
            UserDirectoryChangeKind.Connected => Connect(0),
            UserDirectoryChangeKind.Disconnected =>
                "UPDATE oo_user_sources SET connected = 0 WHERE user_id = @user AND source = @source0;",
            UserDirectoryChangeKind.PushSent => "INSERT INTO oo_push_log (user_id, at, outcome) VALUES (@user, @at, 'sent');",
            UserDirectoryChangeKind.PushOpened => "INSERT INTO oo_push_log (user_id, at, outcome) VALUES (@user, @at, 'opened');",
            UserDirectoryChangeKind.Erased => """
                DELETE FROM oo_users WHERE user_id = @user;
                DELETE FROM oo_user_sources WHERE user_id = @user;
                DELETE FROM oo_push_log WHERE user_id = @user;
                """,
            _ => throw new InvalidOperationException($"Unknown directory change {Change.Kind}."),
        };
        if (Change.Kind == UserDirectoryChangeKind.Created)
        {
            Add(sql, "email", Change.Email ?? "");
        }
    }

    private static string Connect(int index) =>
        $"INSERT INTO oo_user_sources (user_id, source, first_connected_at, connected) VALUES (@user, @source{index}, @at, 1) "
        + "ON CONFLICT (user_id, source) DO UPDATE SET connected = 1;";
}
