using OO.Learning.Meaning;

namespace OO.Learning.Tests.Meaning;

public sealed class MeaningCodeTests
{
    [Fact]
    public void Packed_values_come_back_within_half_a_step()
    {
        float[] values = [-1f, -0.73f, -0.2f, 0f, 0.004f, 0.31f, 0.999f, 1f];

        var packed = MeaningCode.Pack(values);
        Span<double> unpacked = stackalloc double[MeaningCode.Dimensions];
        MeaningCode.Unpack(packed, unpacked);

        for (var i = 0; i < values.Length; i++)
        {
            Assert.InRange(MeaningCode.Value(packed, i), values[i] - 0.5f / 127, values[i] + 0.5f / 127);
            Assert.Equal(MeaningCode.Value(packed, i), unpacked[i], 6);
        }

        Assert.Equal(-1f, MeaningCode.Value(packed, 0));
        Assert.Equal(1f, MeaningCode.Value(packed, 7));
    }

    [Fact]
    public void Values_outside_the_range_are_clamped_and_non_numbers_are_zero()
    {
        var packed = MeaningCode.Pack([3f, -7f, float.NaN, float.PositiveInfinity, 0.5f, 0f, 0f, 0f]);

        Assert.Equal(1f, MeaningCode.Value(packed, 0));
        Assert.Equal(-1f, MeaningCode.Value(packed, 1));
        Assert.Equal(0f, MeaningCode.Value(packed, 2));
        Assert.Equal(0f, MeaningCode.Value(packed, 3));
        Assert.Equal(64f / 127, MeaningCode.Value(packed, 4));
    }

    [Fact]
    public void All_zeros_is_unknown_and_every_other_meaning_is_not()
    {
        Assert.Equal(MeaningCode.Unknown, MeaningCode.Pack(new float[MeaningCode.Dimensions]));
        Assert.NotEqual(MeaningCode.Unknown, MeaningCode.Pack([0f, 0f, 0f, 0f, 0f, 0f, 0f, -0.01f]));
    }

    [Fact]
    public void A_meaning_has_exactly_eight_values()
    {
        Assert.Throws<ArgumentException>(() => MeaningCode.Pack(new float[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeaningCode.Value(1UL, MeaningCode.Dimensions));
    }
}
