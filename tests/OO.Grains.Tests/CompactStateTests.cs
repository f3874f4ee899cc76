using System.Text.Json;
using System.Text.Json.Nodes;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Learning;
using OO.Grains.Tests.Infrastructure;
using OO.Grains.Users;

namespace OO.Grains.Tests;

/// <summary>Issue 13, memory per user: task snapshots and the bandit's model kept compact, stored in a format older rows share.</summary>
public sealed class CompactStateTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    private static readonly SourceTask[] Tasks =
    [
        new("6XGgm6PHq4pCr5jv", "Call the dentist about Tuesday", 4, new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), 0x0123_4567_89AB_CDEF),
        new("t-2", "Überweisung für die Miete — 800 € <bis> \"Freitag\" 🏠", 1, null, null, new DateTimeOffset(2026, 11, 27, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1234567)),
        new("", "", 2, new DateOnly(2027, 1, 31), null, DateTimeOffset.UnixEpoch, ulong.MaxValue),
    ];

    [Fact]
    public void Packed_tasks_read_back_as_the_tasks_they_were_made_from()
    {
        StoredTasks stored = [.. Tasks];

        Assert.Equal(Tasks, stored.ToArray());
        Assert.Equal(Tasks.Select(t => t.AddedAt.Offset), stored.Select(t => t.AddedAt.Offset));
        Assert.Equal(TimeSpan.FromHours(1), stored[0].DueAt!.Value.Offset);
        Assert.True(stored.Contains("t-2"));
        Assert.True(stored.Contains(""));
        Assert.False(stored.Contains("t-3"));
        Assert.Empty(new StoredTasks());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Packed_tasks_are_stored_as_exactly_the_json_of_the_task_list(bool web)
    {
        var options = web ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var state = new SourceTasks { Version = 7, TakenAt = DateTimeOffset.UnixEpoch, Tasks = [.. Tasks] };

        var json = JsonSerializer.Serialize(state, options);
        var asList = JsonSerializer.Serialize(new { state.Version, state.TakenAt, Tasks = Tasks.ToList(), state.OmittedCount, state.Entries }, options);

        Assert.Equal(asList, json);
        Assert.Equal(Tasks, JsonSerializer.Deserialize<SourceTasks>(json, options)!.Tasks.ToArray());
    }

    [Fact]
    public async Task A_user_stored_before_the_compact_forms_is_served_and_learns_from_its_old_model()
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(
            new SourceTask("t1", "Water the plants", 1, null, null, DateTimeOffset.UnixEpoch),
            new SourceTask("t2", "Bücher zurückgeben", 3, null, null, DateTimeOffset.UnixEpoch)));
        var tip = await cluster.NextTipAsync(user);
        await user.React(tip.TipId, Reaction.Dismiss, dwellMs: 5_000);
        var id = user.GetGrainId();
        await cluster.Cluster.DeactivateAsync(user);

        // Rewrite the stored model as the silo stored it before: A⁻¹ as a full d×d matrix of doubles.
        var learning = JsonNode.Parse(cluster.Storage.StoredJson(id, "learning")!)!;
        var model = JsonSerializer.Deserialize<OO.Learning.Policies.LinearModelState>(learning["Model"]!.ToJsonString())!;
        var trained = model.PackedInverse.ToArray();
        var legacy = learning["Model"]!.AsObject();
        legacy.Remove("PackedInverse");
        legacy["AInverse"] = JsonSerializer.SerializeToNode(model.FullInverse());
        cluster.Storage.Seed(id, "learning", learning.ToJsonString());

        var next = await cluster.NextTipAsync(user);
        await user.React(next.TipId, Reaction.Snooze, dwellMs: 5_000);

        var stored = cluster.Storage.Stored<LearningState>(id, "learning")!;
        Assert.Null(stored.Model!.AInverse);
        Assert.Equal(2, stored.Model.Updates);
        Assert.Equal(trained.Length, stored.Model.PackedInverse.Length);
        Assert.NotEqual(trained, stored.Model.PackedInverse);
        Assert.DoesNotContain("AInverse", cluster.Storage.StoredJson(id, "learning"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_served_tips_features_are_kept_as_floats_and_a_log_stored_as_doubles_still_loads()
    {
        double[] computed = [1.0, 0.1, 1.0 / 3.0, -2.5e-7, 0.0];
        var served = new ServedTip { Tip = new Tip("a", "b", TipKind.Task, "demo", "t1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "linucb", 0.5), Features = computed };

        var json = JsonSerializer.Serialize(served);
        var node = JsonNode.Parse(json)!;
        node["Features"] = JsonSerializer.SerializeToNode(computed);
        var legacy = node.ToJsonString();
        var fromLegacy = JsonSerializer.Deserialize<ServedTip>(legacy)!;

        Assert.True(json.Length < legacy.Length, $"{json} is not shorter than {legacy}");
        double[] learned = fromLegacy.Features;
        Assert.Equal(computed, learned, (a, b) => Math.Abs(a - b) <= 1e-7 * Math.Max(1, Math.Abs(a)));
        Assert.Equal(JsonSerializer.Deserialize<ServedTip>(json)!.Features.AsSpan().ToArray(), fromLegacy.Features.AsSpan().ToArray());
        Assert.Equal(computed.Select(v => (float)v), served.Features.AsSpan().ToArray());
    }
}
