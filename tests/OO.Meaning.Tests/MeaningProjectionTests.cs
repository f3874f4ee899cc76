namespace OO.Meaning.Tests;

public sealed class MeaningProjectionTests
{
    /// <summary>
    /// The shipped projection is what <see cref="MeaningProjection.Fit"/> gives for the shipped corpus under the model
    /// in the package. When the model or the corpus changes on purpose, run this test with OO_UPDATE_PROJECTION=1 and
    /// review the diff: every stored meaning changes with it.
    /// </summary>
    [Fact]
    public async Task The_shipped_projection_is_the_one_fitted_to_the_shipped_corpus()
    {
        var model = await MiniLm.LoadAsync();
        var fitted = MeaningProjection.Fit(model.Embed([.. MeaningProjection.Corpus()]));

        if (Environment.GetEnvironmentVariable("OO_UPDATE_PROJECTION") == "1")
        {
            using var writer = new StreamWriter(Path.Combine(RepositoryRoot(), "src", "Meaning", "Resources", "minilm-projection.txt"));
            fitted.Write(writer);
            return;
        }

        var shipped = MeaningProjection.Shipped();
        for (var i = 0; i < OO.Learning.Meaning.MeaningCode.Dimensions; i++)
        {
            Assert.True(shipped.ComponentAgreement(fitted, i) > 0.999, $"component {i} moved: refit it on purpose");
        }
    }

    [Fact]
    public async Task Every_corpus_title_projects_inside_the_unit_range_and_uses_it()
    {
        var model = await MiniLm.LoadAsync();
        var projection = MeaningProjection.Shipped();

        var largest = model.Embed([.. MeaningProjection.Corpus()])
            .Select(embedding => projection.Project(embedding))
            .Max(packed => Enumerable.Range(0, OO.Learning.Meaning.MeaningCode.Dimensions)
                .Max(i => Math.Abs(OO.Learning.Meaning.MeaningCode.Value(packed, i))));

        Assert.InRange(largest, 0.5f, 1f);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OO.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No OO.sln above the test binaries.");
    }
}
