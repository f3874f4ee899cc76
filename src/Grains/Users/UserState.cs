using OO.Grains.Interfaces.Users;

namespace OO.Grains.Users;

/// <summary>Everything the user grain persists. Ids never move once stored.</summary>
[GenerateSerializer, Alias("oo.UserState")]
public sealed class UserState
{
    [Id(0)] public string? Email { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The latest task snapshot of each source, by source name.</summary>
    [Id(2)] public Dictionary<string, SourceTasks> Sources { get; set; } = [];

    /// <summary>Recently served tips, newest last, bounded by <c>OO:Tips:ServedLogSize</c>; the last one may be current.</summary>
    [Id(3)] public List<ServedTip> Served { get; set; } = [];

    /// <summary>Candidates kept out of view until the given time (snoozed, dismissed, or done but not yet gone from their source).</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> HiddenUntil { get; set; } = [];

    [Id(5)] public UserStats Stats { get; set; } = new(0, 0, 0, 0);

    [Id(6)] public UserSettings Settings { get; set; } = UserSettings.Default;

    /// <summary>The external logins that reach this user (<c>google:…</c>, <c>dev:…</c>), forgotten on deletion.</summary>
    [Id(7)] public HashSet<string> Logins { get; set; } = [];

    /// <summary>The sources this user connected, by provider name.</summary>
    [Id(8)] public HashSet<string> Integrations { get; set; } = [];

    /// <summary>Each connected source's tokens, by provider name, as Data Protection ciphertext only (never plaintext).</summary>
    [Id(9)] public Dictionary<string, string> IntegrationTokens { get; set; } = [];

    /// <summary>Changes when every session must end (sign out everywhere); sessions carry the stamp they were issued with.</summary>
    [Id(10)] public string? SessionStamp { get; set; }

    /// <summary>
    /// Promises made to the user and finished later (close a task done here, revoke a disconnected source's
    /// tokens), written in the same state write as the promise and completed from a reminder.
    /// </summary>
    [Id(11)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Set when the account was deleted: the state is then a tombstone that no call revives.</summary>
    [Id(12)] public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Candidates written for this user (by a model or the rules), each with its expiry; expired ones are dropped.</summary>
    [Id(13)] public List<WrittenCandidate> Candidates { get; set; } = [];

    /// <summary>When a generation was last asked for (whatever its outcome): the next waits at least <c>OO:AI:MinInterval</c>.</summary>
    [Id(14)] public DateTimeOffset? GeneratedAt { get; set; }

    /// <summary>Which top tasks the last generation saw, as a fingerprint: a different set is a context worth a new one.</summary>
    [Id(15)] public string? GeneratedForTasks { get; set; }

    /// <summary>How many reactions the user had given when the last generation was asked for.</summary>
    [Id(16)] public int GeneratedAtReactions { get; set; }
}
