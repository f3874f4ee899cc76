using OO.Ai.Gate;

namespace OO.Ai.Tests.Gate;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Normalising_drops_case_accents_and_punctuation() =>
        Assert.Equal("cafe au lait 2 go", TextSimilarity.Normalise("  Café — au LAIT!! (2 go) "));

    [Fact]
    public void Same_words_score_one_and_unrelated_texts_score_near_zero()
    {
        Assert.Equal(1.0, TextSimilarity.Dice("Call the dentist", "call the DENTIST!"));
        Assert.True(TextSimilarity.Dice("Call the dentist", "Water the plants on the balcony") < 0.2);
        Assert.Equal(0.0, TextSimilarity.Dice("", "Call the dentist"));
    }

    [Fact]
    public void A_small_insertion_stays_above_the_threshold_and_a_new_sentence_below()
    {
        Assert.True(TextSimilarity.IsNearDuplicate("Call the dentist", "Call the dentist today"));
        Assert.False(TextSimilarity.IsNearDuplicate("Call the dentist", "Call the dentist before noon, while the practice still picks up."));
    }
}
