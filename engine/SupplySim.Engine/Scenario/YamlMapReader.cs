using System.Globalization;

namespace SupplySim.Scenario;

/// <summary>
/// Reads one YAML mapping key by key, converting values and reporting every problem as a diagnostic.
/// Remembers which keys were read so <see cref="ReportUnknownKeys"/> can flag the rest with a did-you-mean.
/// </summary>
internal sealed class YamlMapReader
{
    /// <summary>Above this many keys a mapping is looked up through a dictionary; below, a scan is faster and allocates nothing.</summary>
    private const int ScanLimit = 16;

    /// <summary>The mapping's entries with their key names, duplicates (complex keys printing alike) left out.</summary>
    private readonly (string Name, YamlTreeNode Key, YamlTreeNode Value)[] _entries;
    private readonly Dictionary<string, int>? _index;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;

    public YamlMapReader(YamlMapping map, string file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        Location = At(map, file);
        var entries = map.Entries;
        var kept = new (string Name, YamlTreeNode Key, YamlTreeNode Value)[entries.Count];
        int count = 0;
        if (entries.Count > ScanLimit)
        {
            _index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        }

        foreach (var (key, value) in entries)
        {
            string name = key is YamlScalar scalar ? scalar.Value : key.ToString() ?? "";
            bool duplicate = _index is null ? IndexOf(kept.AsSpan(0, count), name) >= 0 : !_index.TryAdd(name, count);
            if (duplicate)
            {
                diagnostics.Error("SS0005", At(key, file), $"duplicate key '{name}'; each key may appear once");
                continue;
            }

            kept[count++] = (name, key, value);
        }

        _entries = count == kept.Length ? kept : kept[..count];
    }

    public SourceLocation Location { get; }

    public string File => _file;

    public DiagnosticBag Diagnostics => _diagnostics;

    public static SourceLocation At(YamlTreeNode node, string file) =>
        new(file, node.Line, node.Column);

    public bool Has(string key) => Find(key) >= 0;

    public SourceLocation KeyLocation(string key) => Find(key) is var i and >= 0 ? At(_entries[i].Key, _file) : Location;

    public YamlTreeNode? Node(string key, bool required = false)
    {
        if (Find(key) is var i and >= 0)
        {
            return _entries[i].Value;
        }

        if (required)
        {
            _diagnostics.Error("SS0003", Location, $"missing required key '{key}'");
        }

        return null;
    }

    public void ReportUnknownKeys(IReadOnlyCollection<string> allowed, string context)
    {
        foreach (var (name, key, _) in _entries)
        {
            if (!allowed.Contains(name))
            {
                _diagnostics.Error("SS0004", At(key, _file),
                    $"unknown key '{name}' in {context}{Suggest.Hint(name, allowed)}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    public LocatedValue<string>? String(string key, bool required = false) =>
        Node(key, required) is { } node ? ScalarText(node, key) is { } text ? new(text, At(node, _file)) : null : null;

    public LocatedValue<string>? Choice(string key, IReadOnlyCollection<string> choices, bool required = false)
    {
        var value = String(key, required);
        if (value is not null && !choices.Contains(value.Value))
        {
            _diagnostics.Error("SS0009", value.Location,
                $"'{key}' must be one of {string.Join(", ", choices)}, was '{value.Value}'{Suggest.Hint(value.Value, choices)}");
            return null;
        }

        return value;
    }

    public LocatedValue<double>? Number(string key, Dimension dimension, string? defaultUnit = null, bool required = false)
    {
        if (Node(key, required) is not { } node || ScalarText(node, key) is not { } text)
        {
            return null;
        }

        if (Units.TryParse(text, dimension, defaultUnit, out double value) is { } error)
        {
            _diagnostics.Error(error.Code, At(node, _file), $"{key}: {error.Message}");
            return null;
        }

        return new(value, At(node, _file));
    }

    public UncertainDocument? Uncertain(string key, Dimension dimension, string? defaultUnit = null, bool required = false) =>
        Node(key, required) is { } node ? UncertainParser.Parse(node, key, dimension, defaultUnit, _file, _diagnostics) : null;

    public LocatedValue<DateOnly>? Date(string key, bool required = false)
    {
        if (Node(key, required) is not { } node || ScalarText(node, key) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _diagnostics.Error("SS0008", At(node, _file), $"{key}: '{text}' is not a date; expected YYYY-MM-DD");
            return null;
        }

        return new(date, At(node, _file));
    }

    public LocatedValue<bool>? Bool(string key)
    {
        if (Node(key) is not { } node || ScalarText(node, key) is not { } text)
        {
            return null;
        }

        if (text is not ("true" or "false"))
        {
            _diagnostics.Error("SS0012", At(node, _file), $"{key} must be true or false, was '{text}'");
            return null;
        }

        return new(text == "true", At(node, _file));
    }

    /// <summary>A list of strings; a single scalar is accepted as a one-element list (e.g. <c>"*"</c>).</summary>
    public List<LocatedValue<string>>? StringList(string key, bool required = false)
    {
        if (Node(key, required) is not { } node)
        {
            return null;
        }

        if (node is YamlScalar single)
        {
            return [new(single.Value, At(node, _file))];
        }

        if (node is not YamlSequence sequence)
        {
            _diagnostics.Error("SS0002", At(node, _file), $"{key} must be a list of ids");
            return null;
        }

        var list = new List<LocatedValue<string>>();
        foreach (var item in sequence.Items)
        {
            if (ScalarText(item, key) is { } text)
            {
                list.Add(new(text, At(item, _file)));
            }
        }

        return list;
    }

    public YamlMapping? Map(string key, bool required = false) => Node(key, required) switch
    {
        null => null,
        YamlMapping map => map,
        var other => WrongShape<YamlMapping>(other, key, "a mapping (key: value lines)"),
    };

    public YamlSequence? Sequence(string key, bool required = false) => Node(key, required) switch
    {
        null => null,
        YamlSequence seq => seq,
        var other => WrongShape<YamlSequence>(other, key, "a list (lines starting with '- ')"),
    };

    private T? WrongShape<T>(YamlTreeNode node, string key, string expected)
        where T : class
    {
        _diagnostics.Error("SS0002", At(node, _file), $"{key} must be {expected}");
        return null;
    }

    private string? ScalarText(YamlTreeNode node, string key)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        _diagnostics.Error("SS0002", At(node, _file), $"{key} must be a single value, not a {(node is YamlMapping ? "mapping" : "list")}");
        return null;
    }

    private int Find(string key) => _index is null ? IndexOf(_entries, key) : _index.TryGetValue(key, out int i) ? i : -1;

    private static int IndexOf(ReadOnlySpan<(string Name, YamlTreeNode Key, YamlTreeNode Value)> entries, string name)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
