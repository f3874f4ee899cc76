namespace OO.Learning.Features;

/// <summary>A candidate's features in registry order, with their names for logs.</summary>
public sealed record FeatureVector(double[] Values, IReadOnlyList<string> Names)
{
    /// <summary>name → value, for logs and the explainability view.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary()
    {
        var map = new Dictionary<string, double>(Values.Length);
        for (var i = 0; i < Values.Length; i++)
        {
            map[Names[i]] = Values[i];
        }

        return map;
    }
}
