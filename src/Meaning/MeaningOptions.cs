namespace OO.Meaning;

/// <summary>
/// Which engine turns task texts into meanings, bound from the configuration section <c>OO:Meaning</c>
/// (<see cref="Section"/>). Every default below is the value used when the key is absent.
/// </summary>
public sealed class MeaningOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "OO:Meaning";

    /// <summary>Use MiniLM when it loads, else the hashed n-grams (with one warning that says why).</summary>
    public const string Auto = "auto";

    /// <summary>Use MiniLM; the host does not start when the model cannot load.</summary>
    public const string MiniLm = "minilm";

    /// <summary>Use the hashed word n-grams: no model, no memory, words instead of meaning.</summary>
    public const string Hashed = "hashed";

    /// <summary>The engine: <c>auto</c>, <c>minilm</c> or <c>hashed</c>. Default: <c>auto</c>.</summary>
    public string Engine { get; set; } = Auto;

    /// <summary>
    /// Meanings the MiniLM engine keeps by content hash, so no text is embedded twice while it is in use.
    /// Default: 100,000 (about 4 MB; a user has tens to hundreds of tasks).
    /// </summary>
    public int CacheCapacity { get; set; } = 100_000;

    /// <summary>Calls that may wait for the MiniLM worker before callers wait to enqueue. Default: 1,024.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Whether <see cref="Engine"/> names an engine.</summary>
    internal bool NamesAnEngine =>
        Engine is not null && (string.Equals(Engine, Auto, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Engine, MiniLm, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Engine, Hashed, StringComparison.OrdinalIgnoreCase));
}
