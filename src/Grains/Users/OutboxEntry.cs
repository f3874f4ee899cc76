namespace OO.Grains.Users;

/// <summary>One promise of the user grain's outbox, kept until the grain that finishes it has acknowledged it.</summary>
[GenerateSerializer, Alias("oo.OutboxEntry")]
public sealed class OutboxEntry
{
    [Id(0)] public required OutboxKind Kind { get; set; }

    /// <summary>The source (provider name) the promise is about.</summary>
    [Id(1)] public required string Provider { get; set; }

    /// <summary>For <see cref="OutboxKind.CloseTask"/>: the tip that got <c>done</c>.</summary>
    [Id(2)] public string? TipId { get; set; }

    /// <summary>For <see cref="OutboxKind.CloseTask"/>: the task to close.</summary>
    [Id(3)] public string? SourceRef { get; set; }

    /// <summary>For <see cref="OutboxKind.RevokeTokens"/>: the tokens to revoke, as Data Protection ciphertext only.</summary>
    [Id(4)] public string? ProtectedTokens { get; set; }

    [Id(5)] public int Attempts { get; set; }

    [Id(6)] public DateTimeOffset NextAttemptAt { get; set; }
}
