using OO.Learning.Evaluation;

namespace OO.Learning.Data;

/// <summary>
/// Reads the Open Bandit Dataset layout: a main CSV (timestamp, item_id, position, click, propensity_score,
/// user_feature_*, user-item_affinity_*) and item_context.csv (item_id, item_feature_*); a leading unnamed index
/// column in either is ignored. Every event's candidates are all items (ordered by item_id); the shown item is the
/// logged one, its reward the click, its propensity propensity_score; position is not used.
/// <para>
/// Vector of a candidate: [bias, numeric user features, numeric item features, the user's affinity for that item (column user-item_affinity_{item_id}),
/// H hash buckets]. A column is numeric when every value in it parses as a number; the values of all other columns
/// (OBD's user features and most item features are categorical) are hashed into the H buckets
/// (<see cref="FeatureHasher"/>), user values and the item's values alike.
/// </para>
/// </summary>
public static class ObdReader
{
    /// <summary>Loads both files; throws <see cref="InvalidDataException"/> with the file and line for malformed input.</summary>
    public static ObdDataset Load(string mainCsvPath, string itemContextCsvPath, ObdOptions? options = null)
    {
        options ??= new ObdOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HashBuckets, 1, nameof(options.HashBuckets));
        var items = CsvTable.Load(itemContextCsvPath);
        var main = CsvTable.Load(mainCsvPath);

        var itemIdColumn = items.Column("item_id", itemContextCsvPath);
        var itemFeatureColumns = items.NumberedColumns("item_feature_");
        var itemNumeric = itemFeatureColumns.Where(items.IsNumeric).ToArray();
        var itemCategorical = itemFeatureColumns.Except(itemNumeric).ToArray();

        var itemColumn = main.Column("item_id", mainCsvPath);
        var clickColumn = main.Column("click", mainCsvPath);
        var propensityColumn = main.Column("propensity_score", mainCsvPath);
        var userColumns = main.NumberedColumns("user_feature_");
        var userNumeric = userColumns.Where(main.IsNumeric).ToArray();
        var userCategorical = userColumns.Except(userNumeric).ToArray();

        var buckets = options.HashBuckets;
        var names = new List<string> { "bias" };
        names.AddRange(userNumeric.Select(c => main.Header[c]));
        names.AddRange(itemNumeric.Select(c => items.Header[c]));
        names.Add("user_item_affinity");
        names.AddRange(Enumerable.Range(0, buckets).Select(b => $"hash_{b}"));
        var dimension = names.Count;
        var hashOffset = dimension - buckets;

        // Item vectors: everything but the user part and the affinity, built once.
        var itemRows = items.Rows
            .Select(r => (id: ParseInt(r[itemIdColumn], itemContextCsvPath, "item_id"), row: r))
            .OrderBy(r => r.id)
            .ToArray();
        var itemIndex = new Dictionary<int, int>();
        var itemTemplates = new double[itemRows.Length][];
        for (var i = 0; i < itemRows.Length; i++)
        {
            if (!itemIndex.TryAdd(itemRows[i].id, i))
            {
                throw new InvalidDataException($"{itemContextCsvPath} lists item_id {itemRows[i].id} twice.");
            }

            var vector = new double[dimension];
            vector[0] = 1.0;
            for (var j = 0; j < itemNumeric.Length; j++)
            {
                CsvTable.TryNumber(itemRows[i].row[itemNumeric[j]], out vector[1 + userNumeric.Length + j]);
            }

            foreach (var column in itemCategorical)
            {
                vector[hashOffset + FeatureHasher.Bucket(items.Header[column], itemRows[i].row[column], buckets)] += 1.0;
            }

            itemTemplates[i] = vector;
        }

        // OBD names the affinity column after the item id; an item without one gets affinity 0.
        var affinityColumns = itemRows.Select(r => main.OptionalColumn($"user-item_affinity_{r.id}")).ToArray();

        var events = new List<LoggedEvent>();
        var skipped = new Dictionary<string, int>();
        var affinityIndex = dimension - buckets - 1;
        foreach (var row in main.Rows)
        {
            if (options.MaxEvents is { } max && events.Count >= max)
            {
                break;
            }

            var itemId = ParseInt(row[itemColumn], mainCsvPath, "item_id");
            if (!itemIndex.TryGetValue(itemId, out var chosen))
            {
                skipped["unknown_item"] = skipped.GetValueOrDefault("unknown_item") + 1;
                continue;
            }

            if (!CsvTable.TryNumber(row[propensityColumn], out var propensity) || propensity <= 0 || propensity > 1)
            {
                skipped["invalid_propensity"] = skipped.GetValueOrDefault("invalid_propensity") + 1;
                continue;
            }

            if (!CsvTable.TryNumber(row[clickColumn], out var click))
            {
                throw new InvalidDataException($"{mainCsvPath}: click '{row[clickColumn]}' is not a number.");
            }

            var userPart = new double[dimension];
            for (var j = 0; j < userNumeric.Length; j++)
            {
                CsvTable.TryNumber(row[userNumeric[j]], out userPart[1 + j]);
            }

            foreach (var column in userCategorical)
            {
                userPart[hashOffset + FeatureHasher.Bucket(main.Header[column], row[column], buckets)] += 1.0;
            }

            var contexts = new double[itemTemplates.Length][];
            for (var i = 0; i < itemTemplates.Length; i++)
            {
                var vector = (double[])itemTemplates[i].Clone();
                for (var j = 1; j < dimension; j++)
                {
                    vector[j] += userPart[j];
                }

                if (affinityColumns[i] is { } affinity)
                {
                    CsvTable.TryNumber(row[affinity], out vector[affinityIndex]);
                }

                contexts[i] = vector;
            }

            events.Add(new LoggedEvent(contexts, chosen, propensity, click));
        }

        return new ObdDataset(new LoggedDataset(events, dimension, skipped), names, itemRows.Select(r => r.id).ToArray());
    }

    private static int ParseInt(string text, string path, string column) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{path}: {column} '{text}' is not an integer.");
}
