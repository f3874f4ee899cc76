namespace OO.Ai;

/// <summary>When the rule-based generator writes insights instead of a language model.</summary>
public enum RulesMode
{
    /// <summary>Rules when no endpoint is configured, the model when one is (the default).</summary>
    Auto = 0,

    /// <summary>Rules always, even with an endpoint configured (the model is not asked).</summary>
    On = 1,

    /// <summary>Never rules: without an endpoint nothing is generated.</summary>
    Off = 2,
}
