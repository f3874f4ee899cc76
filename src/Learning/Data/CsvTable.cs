using System.Globalization;

namespace OO.Learning.Data;

/// <summary>A small CSV reader (header row, commas, optional double quotes) — enough for the Open Bandit Dataset files.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            // A pandas index column has an empty name; it is simply never looked up.
            if (header[i].Length > 0)
            {
                _columns.TryAdd(header[i], i);
            }
        }
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public static CsvTable Load(string path)
    {
        using var reader = new StreamReader(path);
        var headerLine = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty; a header row is expected.");
        var header = Split(headerLine).Select(h => h.Trim()).ToArray();
        var rows = new List<string[]>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{lineNumber} has {fields.Length} fields but the header has {header.Length}.");
            }

            rows.Add(fields);
        }

        return new CsvTable(header, rows);
    }

    public int Column(string name, string path) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new InvalidDataException($"{path} has no column '{name}'. Columns: {string.Join(", ", Header.Where(h => h.Length > 0))}.");

    public int? OptionalColumn(string name) => _columns.TryGetValue(name, out var index) ? index : null;

    /// <summary>Columns whose names start with <paramref name="prefix"/> followed by a number, ordered by that number.</summary>
    public int[] NumberedColumns(string prefix) =>
        Header.Select((name, index) => (name, index))
            .Where(c => c.name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(c.name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(c => int.Parse(c.name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture))
            .Select(c => c.index)
            .ToArray();

    public bool IsNumeric(int column) => Rows.All(r => TryNumber(r[column], out _));

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().TrimEnd('\r'));
        return fields.ToArray();
    }
}
