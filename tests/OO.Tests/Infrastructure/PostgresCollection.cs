using OO.Testing;

namespace OO.Tests.Infrastructure;

/// <summary>Tests in this collection share one throwaway PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
