using Npgsql;
using OO.Silo.Storage;

namespace OO.Tests.Storage;

/// <summary>oO's PostgreSQL connection defaults apply under the operator's connection string, never over it.</summary>
public sealed class PostgresConnectionsTests
{
    [Fact]
    public void Statements_are_prepared_and_a_few_connections_kept_when_the_operator_says_nothing()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune("Host=db;Username=oo;Password=secret;Database=oo"));

        Assert.Equal(PostgresConnections.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(PostgresConnections.AutoPrepareMinUsages, tuned.AutoPrepareMinUsages);
        Assert.Equal(PostgresConnections.MinPoolSize, tuned.MinPoolSize);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;Minimum Pool Size=0")]
    [InlineData("Host=db;MaxAutoPrepare=0;AutoPrepareMinUsages=5;MinPoolSize=0")]
    public void What_the_operator_configured_wins(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune(configured));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(5, tuned.AutoPrepareMinUsages);
        Assert.Equal(0, tuned.MinPoolSize);
    }
}
