using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Tests.Support;

/// <summary>Compiling inline YAML and running kernels for tests.</summary>
internal static class TestModels
{
    public static CompiledModel Compile(string yaml, string name = "test.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var doc = ScenarioLoader.Load(yaml, name, diagnostics);
        var model = doc is null ? null : NetworkCompiler.Compile(doc, diagnostics);
        Assert.That(diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()), Is.Empty);
        return model!;
    }

    public static CompiledModel CompileFile(string path)
    {
        var diagnostics = new DiagnosticBag();
        var doc = ScenarioLoader.LoadFile(path, diagnostics);
        var model = doc is null ? null : NetworkCompiler.Compile(doc, diagnostics);
        Assert.That(diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()), Is.Empty);
        return model!;
    }

    public static ScenarioResult Run(CompiledModel model, string scenario, int trials, ulong seed, int threads = -1) =>
        MonteCarlo.Run(model, model.Find(scenario)!, new MonteCarloOptions(trials, seed, threads));

    public static int Column(ScenarioResult result, EntityKind kind, string entity, string material, Metric metric)
    {
        var columns = result.Layout.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Kind == kind && columns[c].Entity == entity && columns[c].Material == material && columns[c].Metric == metric)
            {
                return c;
            }
        }

        throw new AssertionException($"no column {kind} {entity} {material} {metric}");
    }

    public static double[] Values(ScenarioResult result, EntityKind kind, string entity, string material, Metric metric) =>
        result.Column(Column(result, kind, entity, material, metric)).ToArray();

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupplySim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SupplySim.sln not found above the test directory");
    }

    public static IEnumerable<string> ShippedScenarioFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot(), "scenarios"), "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);

    /// <summary>One producer in CN feeding one US consumer directly; parts can be overridden by string replacement.</summary>
    public const string Chain = """
        name: chain
        start: 2024-01-01
        horizon: 365d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: sb
            capacity: 1000 t/d
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {sb: 30000 t}
          - id: user
            kind: consumer
            country: US
            sector: defense
            demand: {sb: 10 t/d}
            demand_cv: 0
            days_of_cover: 10d
            initial_inventory: {sb: 100 t}
        lanes:
          - from: mine
            to: user
            lead_time: 5d
        scenarios:
          - id: ban
            events:
              - type: export_control
                start: 2024-01-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        """;
}
