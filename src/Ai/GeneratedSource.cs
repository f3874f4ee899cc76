namespace OO.Ai;

/// <summary>Names oO gives to what it generates.</summary>
public static class GeneratedSource
{
    /// <summary>The candidate source of every generated tip, by a model or by rules.</summary>
    public const string Name = "ai";

    /// <summary>The model name of the rule-based generator.</summary>
    public const string RulesModel = "rules";
}
