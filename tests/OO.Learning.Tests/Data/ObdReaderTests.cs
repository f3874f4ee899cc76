using OO.Learning.Data;

namespace OO.Learning.Tests.Data;

public sealed class ObdReaderTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "obd");

    private static ObdDataset LoadSample() =>
        ObdReader.Load(Path.Combine(Folder, "random_small.csv"), Path.Combine(Folder, "item_context.csv"), new ObdOptions { HashBuckets = 16 });

    [Fact]
    public void The_sample_files_parse_with_all_items_as_candidates_and_the_index_column_ignored()
    {
        var data = LoadSample();

        Assert.Equal(39, data.Log.Events.Count);
        Assert.Equal(1, data.Log.Skipped["unknown_item"]);
        Assert.Equal([0, 1, 2, 3], data.ItemIds);
        // bias, item_feature_0 (the only numeric column), affinity, 16 hash buckets.
        Assert.Equal(["bias", "item_feature_0", "user_item_affinity"], data.FeatureNames.Take(3));
        Assert.Equal(19, data.Log.Dimension);
        Assert.All(data.Log.Events, e =>
        {
            Assert.Equal(4, e.Contexts.Count);
            Assert.Equal(0.25, e.Propensity);
            Assert.All(e.Contexts, c => Assert.Equal(19, c.Length));
        });

        // Row 0: item 2 shown, no click, affinities 0,2,0,2.
        var first = data.Log.Events[0];
        Assert.Equal(2, first.ChosenIndex);
        Assert.Equal(0.0, first.Reward);
        Assert.Equal(1.75, first.Contexts[2][1]);
        Assert.Equal(-0.5, first.Contexts[1][1]);
        Assert.Equal([0.0, 2.0, 0.0, 2.0], first.Contexts.Select(c => c[2]));
        Assert.Equal(1.0, data.Log.Events[1].Reward);
    }

    [Fact]
    public void Categorical_values_land_in_their_hashed_buckets()
    {
        var data = LoadSample();
        var candidate = data.Log.Events[0].Contexts[2];
        var expected = new double[16];
        foreach (var (column, value) in new[]
        {
            ("user_feature_0", "cef3390ed299c09874189c387777674a"),
            ("user_feature_1", "81ce123cbb5bd8ce818f60fb3586bba5"),
            ("user_feature_2", "81ce123cbb5bd8ce818f60fb3586bba5"),
            ("user_feature_3", "81ce123cbb5bd8ce818f60fb3586bba5"),
            ("item_feature_1", "9999"),
            ("item_feature_2", "c3d4"),
            ("item_feature_3", "e5f6"),
        })
        {
            expected[FeatureHasher.Bucket(column, value, 16)] += 1.0;
        }

        Assert.Equal(expected, candidate.Skip(3));
        Assert.Equal(7.0, candidate.Skip(3).Sum());
    }

    [Fact]
    public void Hashing_is_stable_and_spreads_values()
    {
        Assert.Equal(FeatureHasher.Bucket("c", "v", 1024), FeatureHasher.Bucket("c", "v", 1024));
        var buckets = Enumerable.Range(0, 1000).Select(i => FeatureHasher.Bucket("user_feature_0", $"value-{i}", 16)).ToArray();
        Assert.All(Enumerable.Range(0, 16), b => Assert.InRange(buckets.Count(x => x == b), 30, 100));
    }

    [Fact]
    public void A_missing_column_names_the_file_and_the_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"obd-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "timestamp,item_id,position,propensity_score\n2019,0,1,0.25\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ObdReader.Load(path, Path.Combine(Folder, "item_context.csv")));
            Assert.Contains("click", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
