namespace OO.Grains.Policies;

/// <summary>What the policy-config grain persists once an administrator changed the policies. Plain properties for System.Text.Json.</summary>
public sealed class PolicyConfigState
{
    public string Active { get; set; } = "";

    public List<string> Shadows { get; set; } = [];

    /// <summary>How many changes were made; the configured default is revision 0.</summary>
    public long Revision { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>The acting administrator's user id.</summary>
    public string? ChangedBy { get; set; }
}
