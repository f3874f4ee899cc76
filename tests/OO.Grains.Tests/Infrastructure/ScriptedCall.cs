namespace OO.Grains.Tests.Infrastructure;

/// <summary>The calls of the <see cref="ScriptedTaskSource"/> a test can make hang.</summary>
public enum ScriptedCall
{
    Exchange,
    Account,
    Refresh,
    Fetch,
    Close,
}
