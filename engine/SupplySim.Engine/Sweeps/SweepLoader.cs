using System.Security.Cryptography;
using SupplySim.Model;
using SupplySim.Scenario;
using YamlDotNet.Core;

namespace SupplySim.Sweeps;

/// <summary>
/// Loads a sweep file (YAML) and everything it names: the scenario file, the scenario, parameter paths resolved
/// against the scenario document, outputs resolved against the compiled network, and the design's points. Every
/// problem is a diagnostic at <c>file:line:col</c> (codes <c>SS03xx</c>; YAML shape problems keep their
/// <c>SS00xx</c> codes); the scenario file's own diagnostics are reported at its positions.
/// </summary>
public static partial class SweepLoader
{
    /// <summary>Most points a sweep may have.</summary>
    public const int MaxPoints = 10_000_000;

    internal static readonly string[] RootKeys = ["name", "description", "scenario_file", "scenario", "parameters", "design", "trials", "seed", "outputs"];

    /// <summary>Reads and resolves <paramref name="path"/>; null when any error was reported. I/O failures propagate.</summary>
    public static SweepPlan? LoadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        // The guards of scenario files (size cap, bounded read, UTF-8) hold for sweep files too.
        return ScenarioLoader.ReadText(path, "a sweep file", diagnostics) is var (yaml, bytes) ? Load(yaml, path, bytes, diagnostics) : null;
    }

    private static SweepPlan? Load(string yaml, string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        List<YamlTreeNode> documents;
        try
        {
            documents = YamlTreeBuilder.Load(new GuardedParser(new Parser(new StringReader(yaml)), path, diagnostics));
        }
        catch (GuardedParser.RefusedException)
        {
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Error("SS0001", new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column),
                $"YAML syntax error: {(ex.InnerException?.Message ?? ex.Message).Split('\n')[0]}");
            return null;
        }

        if (documents.Count == 0 || documents[0] is not YamlMapping root)
        {
            diagnostics.Error("SS0002", new SourceLocation(path, 1, 1), "a sweep file must be a mapping with scenario_file, scenario, parameters, design and outputs");
            return null;
        }

        var reader = new YamlMapReader(root, path, diagnostics);
        reader.ReportUnknownKeys(RootKeys, "the sweep file");
        var scenarioFileValue = reader.String("scenario_file", required: true);
        var scenarioId = reader.String("scenario", required: true);
        int trials = Whole(reader, "trials", 1, 100_000_000) ?? 100;
        ulong seed = Seed(reader) ?? 42;
        if (scenarioFileValue is null)
        {
            return null;
        }

        string scenarioFile = Path.Combine(Path.GetDirectoryName(path) ?? "", scenarioFileValue.Value);
        if (!File.Exists(scenarioFile) && !Directory.Exists(scenarioFile))
        {
            diagnostics.Error("SS0301", scenarioFileValue.Location, $"scenario file '{scenarioFile}' does not exist; scenario_file is relative to the sweep file");
            return null;
        }

        if (ScenarioLoader.ReadText(scenarioFile, "a scenario file", diagnostics) is not var (scenarioText, scenarioBytes))
        {
            return null;
        }

        var document = ScenarioLoader.Load(scenarioText, scenarioFile, diagnostics);
        var model = document is null || diagnostics.HasErrors ? null : NetworkCompiler.Compile(document, diagnostics);
        if (document is null || model is null)
        {
            return null;
        }

        var scenario = scenarioId is null ? null : model.Find(scenarioId.Value);
        if (scenarioId is not null && scenario is null)
        {
            var known = model.Scenarios.Select(s => s.Id).ToList();
            diagnostics.Error("SS0302", scenarioId.Location, $"unknown scenario '{scenarioId.Value}'{Suggest.Hint(scenarioId.Value, known)}; " +
                                                             $"{scenarioFile} has: {string.Join(", ", known)}");
        }

        var parameters = ReadParameters(reader, document, diagnostics);
        var outputs = scenario is null ? [] : ReadOutputs(reader, model, scenario, diagnostics);
        var design = ReadDesign(reader, parameters, diagnostics);
        if (diagnostics.HasErrors || design is null || scenario is null)
        {
            return null;
        }

        CheckExtremesCompile(parameters, scenarioText, scenarioFile, diagnostics);
        var points = diagnostics.HasErrors ? null : Points(design, parameters, seed, reader.Location, diagnostics);
        if (points is null)
        {
            return null;
        }

        string fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. bytes, 0, .. scenarioBytes]));
        return new SweepPlan(path, scenarioFile, scenarioText, scenario.Id, parameters, outputs, design, trials, seed, points, fingerprint);
    }

    private static int? Whole(YamlMapReader reader, string key, int min, int max)
    {
        if (reader.String(key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Value, out int value) && value >= min && value <= max)
        {
            return value;
        }

        reader.Diagnostics.Error("SS0312", text.Location, $"{key} must be a whole number in [{min}, {max}], was '{text.Value}'");
        return null;
    }

    private static ulong? Seed(YamlMapReader reader)
    {
        if (reader.String("seed") is not { } text)
        {
            return null;
        }

        if (ulong.TryParse(text.Value, out ulong value))
        {
            return value;
        }

        reader.Diagnostics.Error("SS0312", text.Location, $"seed must be a whole number in [0, {ulong.MaxValue}], was '{text.Value}'");
        return null;
    }

    /// <summary>Compiles the scenario with each parameter at its low and high value, so bad ranges fail before any run.</summary>
    private static void CheckExtremesCompile(IReadOnlyList<SweepParameter> parameters, string scenarioText, string scenarioFile, DiagnosticBag diagnostics)
    {
        foreach (var parameter in parameters)
        {
            foreach (double u in new[] { 0.0, 1.0 })
            {
                var bag = new DiagnosticBag();
                var copy = ScenarioLoader.Load(scenarioText, scenarioFile, bag)!;
                double value = parameter.ValueAt(u);
                parameter.Target.Apply(copy, value);
                if (NetworkCompiler.Compile(copy, bag) is null)
                {
                    var first = bag.Items.First(d => d.Severity == Severity.Error);
                    diagnostics.Error("SS0310", parameter.Location, $"{parameter.Path} = {value:G6} makes the scenario invalid: {first.Code}: {first.Message}");
                    break;
                }
            }
        }
    }
}
