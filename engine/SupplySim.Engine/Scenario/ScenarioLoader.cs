using System.Text;
using YamlDotNet.Core;

namespace SupplySim.Scenario;

/// <summary>
/// Loads a scenario file into a <see cref="ScenarioFileDocument"/>, reporting every problem of YAML syntax and
/// shape (unknown keys, wrong types, bad units) to a <see cref="DiagnosticBag"/>. Meaning is checked later by the
/// network compiler.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Largest scenario file accepted, in bytes; real networks are a few hundred kilobytes at most.</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    internal static readonly string[] RootKeys =
        ["name", "start", "horizon", "end", "step", "seed", "thresholds", "materials", "nodes", "lanes", "scenarios", "markets", "observations", "calibrate", "correlations", "levers", "objectives"];

    /// <summary>Reads and loads <paramref name="path"/>. I/O failures propagate as exceptions.</summary>
    /// <returns>The document, or null when the file is not usable YAML (see <paramref name="diagnostics"/>).</returns>
    public static ScenarioFileDocument? LoadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return ReadText(path, "a scenario file", diagnostics) is var (text, _) ? Load(text, path, diagnostics) : null;
    }

    /// <summary>
    /// The text and bytes of a YAML input file (scenario or sweep), with the guards every such file gets: not a
    /// folder, at most <see cref="MaxFileBytes"/> (read bounded, so a device or pipe whose length is unknown cannot
    /// exhaust memory), valid UTF-8. Null after an SS0010 diagnostic; I/O failures propagate as exceptions.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">What the file should be, for the message ("a scenario file").</param>
    /// <param name="diagnostics">Receives the SS0010 diagnostic.</param>
    internal static (string Text, byte[] Bytes)? ReadText(string path, string expected, DiagnosticBag diagnostics)
    {
        var origin = new SourceLocation(path, 1, 1);
        if (Directory.Exists(path))
        {
            diagnostics.Error("SS0010", origin, $"'{path}' is a directory; expected {expected}");
            return null;
        }

        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
        {
            diagnostics.Error("SS0010", origin, $"file is {info.Length} bytes; at most {MaxFileBytes} are accepted");
            return null;
        }

        byte[] bytes = ReadAtMost(path, MaxFileBytes + 1);
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Error("SS0010", origin, $"file is more than {MaxFileBytes} bytes; at most {MaxFileBytes} are accepted");
            return null;
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), bytes);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Error("SS0010", origin, $"file is not valid UTF-8 (bad byte at offset {ex.Index}); save it as UTF-8");
            return null;
        }
    }

    /// <summary>The first <paramref name="limit"/> bytes of <paramref name="path"/> at most: its length may be 0 or unknown (/dev/zero, a pipe).</summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Loads scenario YAML from a string; <paramref name="fileName"/> is used in diagnostics.</summary>
    public static ScenarioFileDocument? Load(string yaml, string fileName, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        yaml = YamlSyntax.NormalizeLineBreaks(yaml);
        if (YamlSyntax.FindTabIndent(yaml) is { } tab)
        {
            diagnostics.Error("SS0001", new SourceLocation(fileName, tab.Line, tab.Column), "tab in indentation; YAML indents with spaces only");
            return null;
        }

        List<YamlTreeNode> documents;
        try
        {
            documents = YamlTreeBuilder.Load(new GuardedParser(new Parser(new StringReader(yaml)), fileName, diagnostics));
        }
        catch (GuardedParser.RefusedException)
        {
            return null;
        }
        catch (YamlException ex)
        {
            string message = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            bool duplicate = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            diagnostics.Error(duplicate ? "SS0005" : "SS0001", YamlSyntax.Clamp(fileName, yaml, (int)ex.Start.Line, (int)ex.Start.Column),
                duplicate ? $"duplicate key '{message[(message.IndexOf("Duplicate key", StringComparison.OrdinalIgnoreCase) + 13)..].Trim()}'; each key may appear once in a mapping"
                          : $"YAML syntax error: {message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) for a flow collection left open at the end.
            var (line, column) = YamlSyntax.FindUnclosedBracket(yaml);
            diagnostics.Error("SS0001", new SourceLocation(fileName, line, column), "YAML syntax error: '{' or '[' is never closed");
            return null;
        }

        bool empty = documents.Count == 0 || documents[0] is YamlScalar { Value: "" };
        if (empty || documents[0] is not YamlMapping root)
        {
            var at = empty ? new SourceLocation(fileName, 1, 1) : YamlMapReader.At(documents[0], fileName);
            diagnostics.Error("SS0002", at, "a scenario file must be a mapping with name, start, materials, nodes and lanes; the file is empty or not a mapping");
            return null;
        }

        if (documents.Count > 1)
        {
            diagnostics.Error("SS0002", YamlMapReader.At(documents[1], fileName), "a scenario file holds one YAML document; remove the second '---'");
        }

        var reader = new YamlMapReader(root, fileName, diagnostics);
        var doc = new ScenarioFileDocument { FilePath = fileName, Location = reader.Location };
        doc.Name = reader.String("name", required: true);
        doc.Start = reader.Date("start", required: true);
        doc.HorizonDays = reader.Number("horizon", Dimension.Duration);
        doc.End = reader.Date("end");
        doc.StepDays = reader.Number("step", Dimension.Duration);
        if (reader.String("seed") is { } seedText)
        {
            if (ulong.TryParse(seedText.Value, out ulong seed))
            {
                doc.Seed = new(seed, seedText.Location);
            }
            else
            {
                diagnostics.Error("SS0006", seedText.Location, $"seed must be a whole number in [0, {ulong.MaxValue}], was '{seedText.Value}'");
            }
        }

        if (!reader.Has("horizon") && !reader.Has("end"))
        {
            diagnostics.Error("SS0003", reader.Location, "missing 'horizon' (e.g. 730d) or 'end' (a date)");
        }

        ReadThresholds(reader, doc);
        foreach (var item in Items(reader, "materials", required: true))
        {
            var r = new YamlMapReader(item, fileName, diagnostics);
            doc.Materials.Add(new MaterialDocument { Id = r.String("id", required: true), Name = r.String("name")?.Value, Location = r.Location });
            r.ReportUnknownKeys(["id", "name"], "a material");
        }

        foreach (var item in Items(reader, "nodes", required: true))
        {
            doc.Nodes.Add(NodeReader.Read(new YamlMapReader(item, fileName, diagnostics)));
        }

        foreach (var item in Items(reader, "lanes", required: true))
        {
            doc.Lanes.Add(ReadLane(new YamlMapReader(item, fileName, diagnostics)));
        }

        foreach (var item in Items(reader, "scenarios", required: false))
        {
            doc.Scenarios.Add(ReadScenario(new YamlMapReader(item, fileName, diagnostics)));
        }

        foreach (var item in Items(reader, "markets", required: false))
        {
            doc.Markets.Add(MarketReader.Read(new YamlMapReader(item, fileName, diagnostics)));
        }

        foreach (var item in Items(reader, "observations", required: false))
        {
            doc.Observations.Add(ObservationReader.Read(new YamlMapReader(item, fileName, diagnostics)));
        }

        if (reader.Map("calibrate") is { } calibrate)
        {
            var r = new YamlMapReader(calibrate, fileName, diagnostics);
            doc.CalibrateParameters = r.StringList("parameters", required: true);
            r.ReportUnknownKeys(["parameters"], "the calibrate section");
        }

        if (reader.Map("correlations") is { } correlations)
        {
            doc.Correlations = ReadCorrelations(new YamlMapReader(correlations, fileName, diagnostics));
        }

        foreach (var item in Items(reader, "levers", required: false))
        {
            doc.Levers.Add(DecisionReader.ReadLever(new YamlMapReader(item, fileName, diagnostics)));
        }

        if (reader.Map("objectives") is { } objectives)
        {
            doc.Objectives = DecisionReader.ReadObjectives(new YamlMapReader(objectives, fileName, diagnostics));
        }

        reader.ReportUnknownKeys(RootKeys, "the scenario file");
        return doc;
    }

    internal static IEnumerable<YamlMapping> Items(YamlMapReader reader, string key, bool required)
    {
        if (reader.Sequence(key, required) is not { } sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping map)
            {
                yield return map;
            }
            else
            {
                reader.Diagnostics.Error("SS0002", YamlMapReader.At(item, reader.File), $"each entry of '{key}' must be a mapping (id: ..., ...)");
            }
        }
    }

    private static void ReadThresholds(YamlMapReader reader, ScenarioFileDocument doc)
    {
        if (reader.Map("thresholds") is not { } map)
        {
            return;
        }

        var r = new YamlMapReader(map, reader.File, reader.Diagnostics);
        foreach (string metric in map.ScalarKeys.Select(k => k.Value))
        {
            var values = r.StringList(metric) ?? [];
            var parsed = new List<double>();
            foreach (var value in values)
            {
                if (Units.TryParse(value.Value, Dimension.None, null, out double v) is { } error)
                {
                    reader.Diagnostics.Error(error.Code, value.Location, $"threshold for {metric}: {error.Message}");
                }
                else
                {
                    parsed.Add(v);
                }
            }

            doc.Thresholds[metric] = parsed;
            doc.ThresholdLocations[metric] = r.KeyLocation(metric);
        }
    }

    /// <summary><c>correlations: {parameters: [PATH, ...], matrix: [[1, r], [r, 1]]}</c>; meaning is checked by the compiler.</summary>
    private static CorrelationDocument ReadCorrelations(YamlMapReader r)
    {
        var document = new CorrelationDocument { Location = r.Location, MatrixLocation = r.KeyLocation("matrix") };
        document.Parameters.AddRange(r.StringList("parameters", required: true) ?? []);
        foreach (var row in r.Sequence("matrix", required: true)?.Items ?? [])
        {
            if (row is not YamlSequence cells)
            {
                r.Diagnostics.Error("SS0002", YamlMapReader.At(row, r.File), "each row of 'matrix' must be a list of numbers, e.g. [1, 0.5]");
                document.Matrix.Add([]);
                continue;
            }

            var values = new List<LocatedValue<double>?>();
            foreach (var cell in cells.Items)
            {
                var at = YamlMapReader.At(cell, r.File);
                string text = (cell as YamlScalar)?.Value ?? "";
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                    && double.IsFinite(value))
                {
                    values.Add(new LocatedValue<double>(value, at));
                }
                else
                {
                    r.Diagnostics.Error("SS0006", at, $"a correlation must be a number in [-1, 1], was '{text}'");
                    values.Add(null);
                }
            }

            document.Matrix.Add(values);
        }

        r.ReportUnknownKeys(["parameters", "matrix"], "the correlations section");
        return document;
    }

    private static LaneDocument ReadLane(YamlMapReader r)
    {
        var lane = new LaneDocument
        {
            From = r.String("from", required: true),
            To = r.String("to", required: true),
            Materials = r.StringList("materials"),
            LeadTime = r.Uncertain("lead_time", Dimension.Duration, required: true),
            Capacity = r.Uncertain("capacity", Dimension.Rate),
            Share = r.Number("share", Dimension.None),
            Qualification = r.Uncertain("qualification", Dimension.Duration),
            Location = r.Location,
        };
        r.ReportUnknownKeys(["from", "to", "materials", "lead_time", "capacity", "share", "qualification"], "a lane");
        return lane;
    }

    private static ScenarioDocument ReadScenario(YamlMapReader r)
    {
        var scenario = new ScenarioDocument
        {
            Id = r.String("id", required: true),
            Description = r.String("description")?.Value,
            Location = r.Location,
        };
        foreach (var item in Items(r, "events", required: true))
        {
            scenario.Events.Add(EventReader.Read(new YamlMapReader(item, r.File, r.Diagnostics)));
        }

        r.ReportUnknownKeys(["id", "description", "events"], "a scenario");
        return scenario;
    }
}
