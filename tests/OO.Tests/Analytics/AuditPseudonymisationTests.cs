using OO.Grains.Analytics;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Analytics;

/// <summary>Erasing a user keeps the audit log whole: their id gives way to a pseudonym, other rows stay as they were.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditPseudonymisationTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Erasing_a_user_keeps_their_audit_rows_with_one_pseudonym_in_place_of_their_id(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine);
        await test.StartAsync();
        var (erased, other, admin) = (WriterUnderTest.NewUserId(), WriterUnderTest.NewUserId(), WriterUnderTest.NewUserId());
        var now = test.Time.GetUtcNow();
        await test.Sink.AuditAsync(new AuditRecord(now, admin, "bandit.reset", erased, "reset"), CancellationToken.None);
        await test.Sink.AuditAsync(new AuditRecord(now, erased, "policy.set", other, $"asked by {erased}"), CancellationToken.None);
        await test.Sink.AuditAsync(new AuditRecord(now, admin, "bandit.reset", other, "reset"), CancellationToken.None);

        await test.Sink.EraseUserAsync(erased, CancellationToken.None);

        Assert.Equal(0, await test.RowsAsync("oo_audit", $"target = '{erased}' OR actor = '{erased}' OR detail LIKE '%{erased}%'"));
        Assert.Equal(3, await test.RowsAsync("oo_audit", "1 = 1"));
        var targets = await AnalyticsRows.ReadAsync(test.Settings, $"SELECT target FROM oo_audit WHERE actor = '{admin}' AND action = 'bandit.reset' ORDER BY target");
        var pseudonym = Assert.Single(targets, t => t != other);
        Assert.StartsWith("erased-", pseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain(erased[1..], pseudonym, StringComparison.Ordinal);
        // The erased admin's own action is still there, under the same pseudonym, and its target untouched.
        Assert.Equal(
            [$"{pseudonym}|policy.set|{other}|asked by {pseudonym}"],
            await AnalyticsRows.ReadAsync(test.Settings, $"SELECT actor || '|' || action || '|' || target || '|' || detail FROM oo_audit WHERE target = '{other}' AND action = 'policy.set'"));
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{other}' AND actor = '{admin}'"));

        // Erasing again changes nothing further.
        await test.Sink.EraseUserAsync(erased, CancellationToken.None);
        Assert.Equal(2, await test.RowsAsync("oo_audit", $"target = '{pseudonym}' OR actor = '{pseudonym}'"));
    }
}
