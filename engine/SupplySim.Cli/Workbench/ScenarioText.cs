using SupplySim.Scenario;

namespace SupplySim.Cli.Workbench;

/// <summary>
/// A scenario file's text as the workbench edits it: the editable values (tokens found at the locations the loader
/// recorded) and the replacement of tokens by a planner's values, which the same loader and compiler as the CLI's
/// then check. Editing the text, not a document, keeps the file's comments, anchors and layout for "save as YAML".
/// </summary>
internal static class ScenarioText
{
    /// <summary>Longest value a planner may type.</summary>
    public const int MaxValueLength = 200;

    /// <summary>
    /// The values the workbench offers: per scenario its events' dates, destinations and main figures; for the network
    /// the transshippers' leakage, the consumers' days of cover and demand, and the stockpiles' release rates.
    /// </summary>
    public static List<EditableField> Fields(ScenarioFileDocument document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        string[] lines = Lines(text);
        var fields = new List<EditableField>();
        void Add(string group, string label, SourceLocation? at)
        {
            if (at is { } location && Token(lines, location.Line, location.Column) is { Length: > 0 } token)
            {
                fields.Add(new EditableField(group, label, location.Line, location.Column, token));
            }
        }

        void AddUncertain(string group, string label, UncertainDocument? value)
        {
            if (value is null)
            {
                return;
            }

            if (value.IsFixed)
            {
                Add(group, label, value.Location);
                return;
            }

            foreach (var (parameter, location) in value.ParameterLocations)
            {
                Add(group, $"{label} ({value.Dist} {parameter})", location);
            }
        }

        foreach (var scenario in document.Scenarios)
        {
            string group = scenario.Id?.Value ?? "";
            foreach (var (ev, index) in scenario.Events.Select((e, i) => (e, i)))
            {
                string name = ev.Id?.Value ?? $"{ev.Type?.Value} #{index + 1}";
                Add(group, $"{name}: start", ev.Start?.Location);
                Add(group, $"{name}: end", ev.End?.Location);
                if (ev.Destinations is { Count: > 0 } destinations && Token(lines, destinations[0].Location.Line, destinations[0].Location.Column - 1) is ['[', ..])
                {
                    Add(group, $"{name}: destinations", destinations[0].Location with { Column = destinations[0].Location.Column - 1 });
                }

                AddUncertain(group, $"{name}: approval probability", ev.ApprovalProbability);
                AddUncertain(group, $"{name}: processing time", ev.ProcessingTime);
                AddUncertain(group, $"{name}: leak fraction", ev.LeakFraction);
                AddUncertain(group, $"{name}: annual quota", ev.Annual);
                AddUncertain(group, $"{name}: multiplier", ev.Multiplier);
                AddUncertain(group, $"{name}: capacity", ev.Capacity);
            }
        }

        foreach (var node in document.Nodes)
        {
            string id = node.Id?.Value ?? "";
            AddUncertain("network", $"{id}: leak fraction", node.LeakFraction);
            if (node.DaysOfCover is { } cover && node.Kind?.Value == "consumer")
            {
                Add("network", $"{id}: days of cover", cover.Location);
            }

            AddUncertain("network", $"{id}: release rate", node.Release?.Rate);
            foreach (var (material, demand) in node.Demand ?? [])
            {
                AddUncertain("network", $"{id}: demand {material}", demand);
            }
        }

        return fields;
    }

    /// <summary>
    /// Replaces each edited token; null with <paramref name="problem"/> when an edit does not point at the token it
    /// claims to replace (the file changed) or its value cannot be written into YAML as one token.
    /// </summary>
    public static string? Apply(string text, IReadOnlyList<TextEdit> edits, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(edits);
        problem = null;
        string[] lines = Lines(text);
        // Right to left within a line, so earlier columns stay where they were.
        foreach (var edit in edits.OrderBy(e => e.Line).ThenByDescending(e => e.Column))
        {
            if (edit.Value.Length is 0 or > MaxValueLength || edit.Value.IndexOfAny(['\n', '\r', '#']) >= 0 || edit.Value.Contains(": ", StringComparison.Ordinal))
            {
                problem = $"{edit.Line}:{edit.Column}: '{Shorten(edit.Value)}' is not a single value (1-{MaxValueLength} characters, no line break, '#' or ': ')";
                return null;
            }

            if (Token(lines, edit.Line, edit.Column) is not { } token || token != edit.Original)
            {
                problem = $"{edit.Line}:{edit.Column}: the file has no '{Shorten(edit.Original)}' there; reload the page";
                return null;
            }

            string line = lines[edit.Line - 1];
            lines[edit.Line - 1] = line[..(edit.Column - 1)] + edit.Value + line[(edit.Column - 1 + token.Length)..];
        }

        return string.Join('\n', lines);
    }

    /// <summary>The token starting at 1-based (line, column): a flow list up to its bracket, else up to ',', '}', ']', '#' or the line's end.</summary>
    public static string? Token(string[] lines, int line, int column)
    {
        if (line < 1 || line > lines.Length || column < 1 || column > lines[line - 1].Length)
        {
            return null;
        }

        string rest = lines[line - 1][(column - 1)..];
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : rest[..(close + 1)];
        }

        int end = rest.IndexOfAny([',', '}', ']', '#']);
        return (end < 0 ? rest : rest[..end]).TrimEnd();
    }

    public static string[] Lines(string text) => YamlSyntax.NormalizeLineBreaks(text).Split('\n');

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}

/// <summary>A planner's change: the token at (line, column) that read <paramref name="Original"/> now reads <paramref name="Value"/>.</summary>
internal sealed record TextEdit(int Line, int Column, string Original, string Value);
