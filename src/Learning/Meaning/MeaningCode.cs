namespace OO.Learning.Meaning;

/// <summary>
/// A task's meaning as the learner sees it: <see cref="Dimensions"/> values in [−1, 1], each quantized to a
/// signed byte and packed into one <see cref="ulong"/>. Eight bytes per task keep a user's snapshot small, the
/// value compares by equality (a re-read snapshot with the same tasks is still "the same"), and 0 means
/// "not known yet": every dimension 0, which adds nothing to any score.
/// </summary>
public static class MeaningCode
{
    /// <summary>How many meaning dimensions the bandit sees.</summary>
    public const int Dimensions = 8;

    /// <summary>The meaning of a text nobody has read yet.</summary>
    public const ulong Unknown = 0;

    /// <summary>Packs <paramref name="values"/> (length <see cref="Dimensions"/>, clamped to [−1, 1]).</summary>
    public static ulong Pack(ReadOnlySpan<float> values)
    {
        if (values.Length != Dimensions)
        {
            throw new ArgumentException($"A meaning has {Dimensions} values, not {values.Length}.", nameof(values));
        }

        ulong packed = 0;
        for (var i = 0; i < Dimensions; i++)
        {
            var value = float.IsFinite(values[i]) ? Math.Clamp(values[i], -1f, 1f) : 0f;
            var quantized = (sbyte)MathF.Round(value * 127f);
            packed |= (ulong)(byte)quantized << (8 * i);
        }

        return packed;
    }

    /// <summary>Dimension <paramref name="index"/> of a packed meaning, in [−1, 1].</summary>
    public static float Value(ulong packed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dimensions);
        return (sbyte)(byte)(packed >> (8 * index)) / 127f;
    }

    /// <summary>Every dimension of a packed meaning into <paramref name="destination"/> (length ≥ <see cref="Dimensions"/>).</summary>
    public static void Unpack(ulong packed, Span<double> destination)
    {
        for (var i = 0; i < Dimensions; i++)
        {
            destination[i] = (sbyte)(byte)(packed >> (8 * i)) / 127.0;
        }
    }
}
