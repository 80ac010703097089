using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Bench;

/// <summary>
/// The shipped scenario file, found from the repository root. BenchmarkDotNet runs each benchmark from a generated
/// project under <c>bin/</c>, so the root is looked up by walking up to <c>SupplySim.sln</c> from both the program's
/// folder and the current folder.
/// </summary>
internal static class BenchInputs
{
    public const string ScenarioFile = "scenarios/critical-minerals.yaml";

    private static readonly Lazy<string> ScenarioPathLazy = new(FindScenarioPath);
    private static readonly Lazy<CompiledModel> ModelLazy = new(() => Compile(ScenarioPath));
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Copies, int HorizonDays), CompiledModel> ScaledModels = new();

    /// <summary>Absolute path of <see cref="ScenarioFile"/>.</summary>
    public static string ScenarioPath => ScenarioPathLazy.Value;

    /// <summary>The shipped scenario, compiled once per process.</summary>
    public static CompiledModel Model => ModelLazy.Value;

    /// <summary>Trial-lane-steps of one trial: every lane is stepped once per step.</summary>
    public static long LaneStepsPerTrial => (long)Model.Network.LaneCount * Model.Network.Steps;

    /// <summary>The seed a run of the shipped file uses by default.</summary>
    public static ulong Seed => Model.Network.DefaultSeed ?? 42;

    /// <summary>
    /// <paramref name="copies"/> regional copies of the shipped network over <paramref name="horizonDays"/> days
    /// (<see cref="RegionalCopies"/>), compiled once per process.
    /// </summary>
    public static CompiledModel Scaled(int copies, int horizonDays) =>
        ScaledModels.GetOrAdd((copies, horizonDays), key =>
            CompileText(RegionalCopies.Generate(File.ReadAllText(ScenarioPath), key.Copies, key.HorizonDays), $"copies-{key.Copies}-{key.HorizonDays}d.yaml"));

    /// <summary>The shipped file without its <c>markets:</c> section, compiled once per process (the market layer's cost).</summary>
    public static CompiledModel WithoutMarkets => WithoutMarketsLazy.Value;

    private static readonly Lazy<CompiledModel> WithoutMarketsLazy = new(() =>
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(ScenarioPath)));
        ((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode).Children.Remove(new YamlDotNet.RepresentationModel.YamlScalarNode("markets"));
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return CompileText(writer.ToString(), "critical-minerals-without-markets.yaml");
    });

    public static CompiledScenario Scenario(string id) =>
        Model.Find(id) ?? throw new InvalidOperationException(
            $"no scenario '{id}' in {ScenarioFile}; it has: {string.Join(", ", Model.Scenarios.Select(s => s.Id))}");

    /// <summary>Loads, validates and compiles <paramref name="path"/>; throws with the diagnostics if it is invalid.</summary>
    public static CompiledModel Compile(string path) => CompileText(File.ReadAllText(path), path);

    /// <summary>Loads, validates and compiles YAML text; throws with the diagnostics if it is invalid.</summary>
    public static CompiledModel CompileText(string yaml, string name)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.Load(yaml, name, diagnostics);
        var model = document is null || diagnostics.HasErrors ? null : NetworkCompiler.Compile(document, diagnostics);
        if (model is null || diagnostics.HasErrors)
        {
            throw new InvalidOperationException(
                $"{name} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics.Sorted())}");
        }

        return model;
    }

    private static string FindScenarioPath()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SupplySim.sln")))
                {
                    string candidate = Path.Combine(dir.FullName, ScenarioFile);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new FileNotFoundException(
            $"could not find SupplySim.sln with {ScenarioFile} above '{AppContext.BaseDirectory}' or " +
            $"'{Directory.GetCurrentDirectory()}'");
    }
}
