using OO.Ai.Prompts;

namespace OO.Ai.Tests;

/// <summary>A shipped prompt is never edited in place: a change is a new file and a new manifest line.</summary>
public sealed class PromptManifestTests
{
    [Fact]
    public void Every_shipped_prompt_still_has_the_version_recorded_for_it()
    {
        var manifest = PromptLibrary.Manifest();
        Assert.NotEmpty(PromptLibrary.Prompts);
        foreach (var (name, prompt) in PromptLibrary.Prompts)
        {
            Assert.True(manifest.TryGetValue(name, out var recorded), $"Prompts/{name}.txt is not in Prompts/manifest.json: add it with version {prompt.Version}.");
            Assert.True(recorded == prompt.Version,
                $"Prompts/{name}.txt changed after it shipped (recorded {recorded}, now {prompt.Version}). Restore it and put the change in a new file with the next version.");
        }
    }

    [Fact]
    public void Every_recorded_prompt_is_still_shipped()
    {
        foreach (var name in PromptLibrary.Manifest().Keys)
        {
            Assert.True(PromptLibrary.Prompts.ContainsKey(name), $"Prompts/manifest.json names {name}, but Prompts/{name}.txt is gone: a shipped prompt is never deleted.");
        }
    }

    [Fact]
    public void The_current_prompt_asks_for_a_number_of_tips_and_carries_the_errors_back()
    {
        var prompt = PromptLibrary.Current;

        Assert.Equal(12, prompt.Version.Length);
        Assert.Contains("at most 2 tips", prompt.SystemFor(2), StringComparison.Ordinal);
        Assert.Contains("- tip 1: too long (too_long)", prompt.RetryFor(["tip 1: too long (too_long)"]), StringComparison.Ordinal);
    }
}
