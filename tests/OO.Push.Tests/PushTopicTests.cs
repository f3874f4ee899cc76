namespace OO.Push.Tests;

public sealed class PushTopicTests
{
    [Fact]
    public void A_topic_from_any_key_is_32_url_safe_characters_and_stable()
    {
        var topic = PushTopic.FromKey("todoist:task/8812 – Zahnarzt anrufen");

        Assert.Equal(32, topic.Length);
        Assert.True(PushTopic.IsValid(topic));
        Assert.Equal(topic, PushTopic.FromKey("todoist:task/8812 – Zahnarzt anrufen"));
        Assert.NotEqual(topic, PushTopic.FromKey("todoist:task/8813"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("plus+slash/")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Topics_outside_the_rfc_8030_alphabet_or_length_are_invalid(string topic) =>
        Assert.False(PushTopic.IsValid(topic));
}
