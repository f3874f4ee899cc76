using Npgsql;

namespace OO.ClusterKill;

/// <summary>
/// After the run: is every acknowledged reaction in its person's stats (<c>GET /api/me</c>, through the
/// surviving silos) and in <c>oo_rewards</c>? The analytics writer batches, and a reaction whose row died
/// with its silo is written again when the person's grain comes back, so the table is read until it
/// stops changing (at most 30 s).
/// </summary>
public sealed record LossCheck(int Acknowledged, int MissingFromStats, int MissingFromRewards, IReadOnlyList<string> Members)
{
    public static async Task<LossCheck> RunAsync(IReadOnlyList<Person> persons, string database)
    {
        var acknowledged = persons.Sum(p => p.Acknowledged.Count);
        var missingFromStats = 0;
        foreach (var person in persons)
        {
            var (snoozed, dismissed) = await person.StatsAsync();
            missingFromStats += Math.Max(0, person.Acknowledged.Values.Count(r => r == "snooze") - snoozed)
                + Math.Max(0, person.Acknowledged.Values.Count(r => r == "dismiss") - dismissed);
        }

        var expected = persons.SelectMany(p => p.Acknowledged.Keys).ToHashSet();
        var missing = expected.Count;
        for (var look = 0; look < 30 && missing > 0; look++)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT tip_id FROM oo_rewards WHERE user_id = ANY(@users)", connection);
            command.Parameters.AddWithValue("users", persons.Select(p => p.UserId!).ToArray());
            var found = new HashSet<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found.Add(reader.GetString(0));
                }
            }

            missing = expected.Count(found.Contains) is var present ? expected.Count - present : 0;
            if (missing > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        return new LossCheck(acknowledged, missingFromStats, missing, await MembersAsync(database));
    }

    /// <summary>Each silo's port and status in the membership table: only the stopped silo may be dead (3 = active, 6 = dead).</summary>
    private static async Task<IReadOnlyList<string>> MembersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM OrleansMembershipTable ORDER BY port", connection);
        var members = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            members.Add($"{reader.GetInt32(0)}:{(reader.GetInt32(1) switch { 3 => "active", 6 => "dead", var other => other.ToString(System.Globalization.CultureInfo.InvariantCulture) })}");
        }

        return members;
    }

    public string Describe() =>
        $"acknowledged        {Acknowledged} reactions; lost from stats {MissingFromStats}, missing from oo_rewards {MissingFromRewards}{Environment.NewLine}"
        + $"membership          {string.Join(", ", Members)} (silo port: status; only the stopped silo should be dead)";
}
