using OO.Admin.Data;

namespace OO.Admin.Sql;

/// <summary>The saved queries of the SQL page: the questions operators ask most, ready to run or to edit.</summary>
public static class SavedQueries
{
    public static IReadOnlyList<SavedQuery> All { get; } =
    [
        new(
            "tables",
            "Every table of oO's database.",
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"),
        new(
            "served-per-day",
            "Tips served and reactions per UTC day, last 14 days.",
            """
            SELECT substr(s.served_at, 1, 10) AS day, count(*) AS served, count(r.tip_id) AS reacted,
                   sum(CASE WHEN r.reaction IN ('done', 'completed-in-source') THEN 1 ELSE 0 END) AS done
            FROM oo_served_tips s LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id
            WHERE s.served_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-14 days')
            GROUP BY day ORDER BY day DESC
            """,
            """
            SELECT to_char(s.served_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS served, count(r.tip_id) AS reacted,
                   sum(CASE WHEN r.reaction IN ('done', 'completed-in-source') THEN 1 ELSE 0 END) AS done
            FROM oo_served_tips s LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id
            WHERE s.served_at >= now() - interval '14 days'
            GROUP BY day ORDER BY day DESC
            """),
        new(
            "reward-by-policy",
            "Mean reward and reactions per serving policy.",
            """
            SELECT s.policy, count(*) AS rewarded, round(avg(r.reward), 3) AS mean_reward,
                   sum(CASE WHEN r.reaction = 'done' THEN 1 ELSE 0 END) AS done,
                   sum(CASE WHEN r.reaction = 'dismiss' THEN 1 ELSE 0 END) AS dismissed
            FROM oo_served_tips s JOIN oo_rewards r ON r.tip_id = s.tip_id
            GROUP BY s.policy ORDER BY rewarded DESC
            """,
            """
            SELECT s.policy, count(*) AS rewarded, round(avg(r.reward)::numeric, 3) AS mean_reward,
                   sum(CASE WHEN r.reaction = 'done' THEN 1 ELSE 0 END) AS done,
                   sum(CASE WHEN r.reaction = 'dismiss' THEN 1 ELSE 0 END) AS dismissed
            FROM oo_served_tips s JOIN oo_rewards r ON r.tip_id = s.tip_id
            GROUP BY s.policy ORDER BY rewarded DESC
            """),
        new(
            "slowest-decisions",
            "The 20 slowest tip decisions, in microseconds.",
            "SELECT tip_id, user_id, served_at, policy, latency_us FROM oo_served_tips ORDER BY latency_us DESC LIMIT 20",
            "SELECT tip_id, user_id, served_at, policy, latency_us FROM oo_served_tips ORDER BY latency_us DESC LIMIT 20"),
        new(
            "dead-letters",
            "The latest rows the database refused, with the error.",
            "SELECT id, at, kind, user_id, error FROM oo_dead_letters ORDER BY id DESC LIMIT 50",
            "SELECT id, at, kind, user_id, error FROM oo_dead_letters ORDER BY id DESC LIMIT 50"),
        new(
            "admin-actions",
            "The latest administrative actions.",
            "SELECT at, actor, action, target, detail FROM oo_audit ORDER BY id DESC LIMIT 50",
            "SELECT at, actor, action, target, detail FROM oo_audit ORDER BY id DESC LIMIT 50"),
    ];

    public static SavedQuery? Find(string? name) => All.FirstOrDefault(q => q.Name == name);

    public static string For(SavedQuery query, AdminEngine engine) => engine == AdminEngine.Sqlite ? query.Sqlite : query.Postgres;
}
