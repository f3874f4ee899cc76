namespace OO.Ai;

/// <summary>Which generator writes candidates under the configured <see cref="AiOptions"/>.</summary>
public enum GeneratorEngine
{
    /// <summary>None: nothing is generated.</summary>
    None = 0,

    /// <summary>The language model behind <see cref="AiOptions.Endpoint"/>.</summary>
    Model = 1,

    /// <summary>The rule-based generator over the person's own history (model name <c>rules</c>).</summary>
    Rules = 2,
}
