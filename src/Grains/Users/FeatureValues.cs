using System.Text.Json.Serialization;

namespace OO.Grains.Users;

/// <summary>
/// A served tip's feature vector as kept in the served-tip log: single precision, half the memory of the doubles the
/// policy computed, and about half the JSON (a float's shortest round-trip form is 6–9 digits, a double's up to 17),
/// which matters because the log is rewritten with every served tip and every reaction. It converts to and from
/// <c>double[]</c> implicitly, so code that hands the vector to the learner reads as before; a stored log of doubles
/// loads as it is (each value rounded to the nearest float).
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.FeatureValues")]
[JsonConverter(typeof(FeatureValuesJsonConverter))]
public readonly struct FeatureValues
{
    [Id(0)] private readonly float[]? _values;

    /// <summary>Rounds <paramref name="values"/> to single precision.</summary>
    public FeatureValues(ReadOnlySpan<double> values)
    {
        var rounded = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            rounded[i] = (float)values[i];
        }

        _values = rounded;
    }

    internal FeatureValues(float[] values) => _values = values;

    /// <summary>The stored values (a method, not a property: what is stored is the array, see the converter).</summary>
    public ReadOnlySpan<float> AsSpan() => _values;

    public static implicit operator FeatureValues(double[] values) => new(values);

    public static implicit operator double[](FeatureValues features) => features.ToDoubles();

    /// <summary>The vector in double precision, as the learner takes it (a new array).</summary>
    public double[] ToDoubles()
    {
        var values = AsSpan();
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
