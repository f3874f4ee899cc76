using OO.Learning.Meaning;

namespace OO.Learning.Tests.Meaning;

public sealed class HashedNgramMeaningTests
{
    /// <summary>The meaning of "Call mom": every dimension's byte, dimension 0 lowest.</summary>
    private const ulong Pinned = 0x00002D2D002D5A2DUL;

    private static readonly string[] Titles =
    [
        "Call mom", "Call the dentist", "Call back the plumber", "Write the quarterly report", "Write a cover letter",
        "Review the quarterly report", "Buy milk", "Buy a birthday present", "Pay the electricity bill",
        "Pay rent", "Clean the bathroom", "Clean the car", "Book flights to Lisbon", "Book a haircut",
        "Water the plants", "Walk the dog", "Feed the dog", "Read chapter 3", "Study for the exam",
        "Renew the passport", "Email the recruiter", "Fix the leaking tap", "Mow the lawn", "Plan the holiday trip",
    ];

    [Fact]
    public void Titles_sharing_a_word_lie_closer_than_titles_sharing_none()
    {
        var meanings = Titles.Select(HashedNgramMeaning.MeaningOf).ToArray();
        var sharing = new List<double>();
        var disjoint = new List<double>();
        for (var i = 0; i < Titles.Length; i++)
        {
            for (var j = i + 1; j < Titles.Length; j++)
            {
                var shares = ContentWords(Titles[i]).Overlaps(ContentWords(Titles[j]));
                (shares ? sharing : disjoint).Add(Cosine(meanings[i], meanings[j]));
            }
        }

        Assert.True(sharing.Average() > 0.4, $"titles sharing a word: mean cosine {sharing.Average():F2}");
        Assert.InRange(disjoint.Average(), -0.1, 0.1);
    }

    [Fact]
    public void A_title_is_nearer_a_title_with_its_words_than_one_without()
    {
        var call = HashedNgramMeaning.MeaningOf("Call mom");

        Assert.True(
            Cosine(call, HashedNgramMeaning.MeaningOf("Call mom tonight")) > Cosine(call, HashedNgramMeaning.MeaningOf("Write the quarterly report")));
    }

    [Fact]
    public void Case_punctuation_function_words_and_word_endings_do_not_change_a_meaning()
    {
        var meaning = HashedNgramMeaning.MeaningOf("Call the dentist");

        Assert.Equal(meaning, HashedNgramMeaning.MeaningOf("CALLING dentists!"));
        Assert.Equal(meaning, HashedNgramMeaning.MeaningOf("called: the Dentist"));
        Assert.NotEqual(meaning, HashedNgramMeaning.MeaningOf("Call the doctor"));
    }

    [Fact]
    public async Task Blank_text_and_function_words_alone_have_no_meaning()
    {
        var meanings = await new HashedNgramMeaning().MeaningsAsync(["", "   ", "to the", "Pay rent"], CancellationToken.None);

        Assert.Equal([MeaningCode.Unknown, MeaningCode.Unknown, MeaningCode.Unknown], meanings[..3]);
        Assert.NotEqual(MeaningCode.Unknown, meanings[3]);
    }

    [Fact]
    public void A_text_has_the_same_meaning_in_every_process_and_on_every_machine()
    {
        // Pinned: the hash is FNV-1a over UTF-8, not string.GetHashCode, which changes per process.
        Assert.Equal(Pinned, HashedNgramMeaning.MeaningOf("Call mom"));
    }

    private static HashSet<string> ContentWords(string title) =>
        title.ToLowerInvariant().Split(' ').Where(w => w is not ("the" or "a" or "to" or "for" or "back")).ToHashSet();

    private static double Cosine(ulong a, ulong b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < MeaningCode.Dimensions; i++)
        {
            var x = MeaningCode.Value(a, i);
            var y = MeaningCode.Value(b, i);
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }

        return dot / Math.Sqrt(aa * bb);
    }
}
