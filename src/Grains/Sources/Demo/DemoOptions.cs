namespace OO.Grains.Sources.Demo;

/// <summary>The demo task source (section <c>OO:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "OO:Demo";

    /// <summary>Connect every new user to the demo source. Default: on in Development only (set by the host).</summary>
    public bool Enabled { get; set; }

    /// <summary>How often the demo source is polled. Default 5 minutes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}
