using OO.Learning.Meaning;

namespace OO.Meaning.Tests;

public sealed class MiniLmMeaningTests
{
    private static readonly string[] Calls =
    [
        "Call mom", "Phone the dentist", "Ring the plumber about the leak", "Call back Sarah",
        "Phone the insurance company about the claim", "Schedule a call with the bank",
    ];

    private static readonly string[] Writing =
    [
        "Write the quarterly report", "Draft the blog post", "Write up the meeting minutes", "Finish the essay draft",
        "Edit the project proposal", "Write thank-you notes",
    ];

    [Fact]
    public async Task Calling_someone_lies_closer_to_another_call_than_to_writing_a_report()
    {
        using var meaning = await MiniLm.MeaningAsync();

        var m = await meaning.MeaningsAsync(["Call mom", "Phone the dentist", "Write the quarterly report"], CancellationToken.None);

        Assert.All(m, value => Assert.NotEqual(MeaningCode.Unknown, value));
        Assert.True(MiniLm.Distance(m[0], m[1]) < MiniLm.Distance(m[0], m[2]), "call mom is nearer the report than the dentist");
        Assert.True(MiniLm.Distance(m[0], m[1]) < MiniLm.Distance(m[1], m[2]), "the dentist is nearer the report than call mom");
    }

    [Fact]
    public async Task Calls_sit_nearer_calls_and_writing_nearer_writing_though_they_share_no_words()
    {
        using var meaning = await MiniLm.MeaningAsync();

        var calls = await meaning.MeaningsAsync(Calls, CancellationToken.None);
        var writing = await meaning.MeaningsAsync(Writing, CancellationToken.None);

        foreach (var (own, other) in new[] { (calls, writing), (writing, calls) })
        {
            foreach (var title in own)
            {
                var toOwn = own.Where(t => t != title).Average(t => MiniLm.Distance(title, t));
                var toOther = other.Average(t => MiniLm.Distance(title, t));
                Assert.True(toOwn < toOther, $"a title lies {toOwn:F2} from its own kind and {toOther:F2} from the other");
            }
        }
    }

    [Fact]
    public async Task Every_host_in_a_process_shares_one_loaded_model()
    {
        var first = await new SharedMiniLmSource().LoadAsync();
        var second = await new SharedMiniLmSource().LoadAsync();

        Assert.Same(first, second);
        Assert.Equal(384, first.Dimensions);
    }

    [Fact]
    public async Task Two_hosts_give_a_text_the_same_meaning_and_blank_text_none()
    {
        using var first = await MiniLm.MeaningAsync();
        using var second = await MiniLm.MeaningAsync();

        var a = await first.MeaningsAsync(["Book flights to Lisbon", "  ", ""], CancellationToken.None);
        var b = await second.MeaningsAsync(["book flights   to LISBON", "x", ""], CancellationToken.None);

        Assert.Equal(a[0], b[0]);
        Assert.Equal(MeaningCode.Unknown, a[1]);
        Assert.Equal(MeaningCode.Unknown, a[2]);
        Assert.Equal(MiniLmMeaning.EngineName, first.Engine);
    }
}
