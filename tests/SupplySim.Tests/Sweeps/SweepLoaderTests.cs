using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Sweeps;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Sweeps;

/// <summary>Sweep files: resolution of paths and outputs, and positioned diagnostics for mistakes.</summary>
[TestFixture]
internal sealed class SweepLoaderTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-sweep-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Shipped => Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    internal static string Sweep(string parameters, string design = "{type: oat}", string scenario = "ree-licensing-apr-2025",
        string outputs = "  - {metric: shortage_fraction, entity: us-defense-primes, material: ndfeb}\n") =>
        $"scenario_file: {Shipped}\nscenario: {scenario}\ntrials: 4\nseed: 7\nparameters:\n{parameters}design: {design}\noutputs:\n{outputs}";

    private (SweepPlan? Plan, DiagnosticBag Diagnostics) Load(string yaml)
    {
        string path = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(path, yaml);
        var diagnostics = new DiagnosticBag();
        return (SweepLoader.LoadFile(path, diagnostics), diagnostics);
    }

    private static string Dump(DiagnosticBag diagnostics) => string.Join("\n", diagnostics.Items);

    [Test]
    public void Load_ValidSweep_ResolvesParametersOutputsAndPoints()
    {
        var (plan, diagnostics) = Load(Sweep(
            "  - {path: 'events[ree-licence-no18].processing_time', min: 20wd, max: 90wd}\n" +
            "  - {path: 'nodes[us-defense-primes].demand.ndfeb', values: [100 t/yr, 200 t/yr]}\n", "{type: grid, levels: 3}"));
        Assert.That(diagnostics.Items, Is.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan!.PointCount, Is.EqualTo(6));
            Assert.That(plan.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "ree_licence_no18_processing_time", "us_defense_primes_demand_ndfeb" }));
            Assert.That(plan.Value(0, 0), Is.EqualTo(28.0).Within(1e-9), "20 working days = 28 days");
            Assert.That(plan.Value(5, 0), Is.EqualTo(126.0).Within(1e-9));
            Assert.That(plan.Value(1, 1), Is.EqualTo(200.0 / 365).Within(1e-12), "tonnes per day");
            Assert.That(plan.Outputs[0].Name, Is.EqualTo("shortage_fraction:us-defense-primes:ndfeb:mean"));
        }
    }

    [TestCase("events[ree-licence-no81].approval_probability", "SS0304", TestName = "Load_MisspeltEventId_SS0304")]
    [TestCase("nodes[us-defence-primes].days_of_cover", "SS0304", TestName = "Load_MisspeltNodeId_SS0304")]
    [TestCase("lanes[cn-magnets->us-defense].lead_time", "SS0304", TestName = "Load_UnknownLane_SS0304")]
    [TestCase("nodes[us-defense-primes].days_of_covr", "SS0305", TestName = "Load_MisspeltField_SS0305")]
    [TestCase("nodes[us-defense-primes].demand.ndfbe", "SS0306", TestName = "Load_MisspeltDemandMaterial_SS0306")]
    [TestCase("nodes[us-defense-primes].quota", "SS0306", TestName = "Load_FieldNotInFile_SS0306")]
    [TestCase("node[us-defense-primes].days_of_cover", "SS0303", TestName = "Load_UnknownCollection_SS0303")]
    [TestCase("nodes.us-defense-primes.days_of_cover", "SS0303", TestName = "Load_MalformedPath_SS0303")]
    public void Load_BadPath_ReportsCodeAtThePathsPosition(string path, string code)
    {
        var (plan, diagnostics) = Load(Sweep($"  - path: {path}\n    min: 1\n    max: 2\n"));
        Assert.That(plan, Is.Null);
        Assert.That(diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"), Is.EqualTo(new[] { $"{code}@6:11" }), Dump(diagnostics));
    }

    [Test]
    public void Load_MisspeltEventId_SuggestsTheClosestId()
    {
        var (_, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no81].approval_probability', min: 0.1, max: 0.5}\n"));
        Assert.That(diagnostics.Items.Single().Message, Does.Contain("did you mean 'ree-licence-no18'"));
    }

    [TestCase("{type: morris, levels: 5}", "SS0308", TestName = "Load_OddMorrisLevels_SS0308")]
    [TestCase("{type: sobl}", "SS0009", TestName = "Load_UnknownDesign_SS0009")]
    [TestCase("{type: lhs, trajectories: 3}", "SS0004", TestName = "Load_KeyOfAnotherDesign_SS0004")]
    public void Load_BadDesign_ReportsCode(string design, string code)
    {
        var (plan, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no18].approval_probability', min: 0.1, max: 0.5}\n", design));
        Assert.That(plan, Is.Null);
        Assert.That(diagnostics.Items.Select(d => d.Code), Does.Contain(code));
    }

    [TestCase("  - {metric: shortage_fractoin, entity: us-defense-primes, material: ndfeb}\n", "shortage_fractoin", TestName = "Load_MisspeltMetric_SS0309")]
    [TestCase("  - {metric: fill_rate, entity: us-defence-primes, material: ndfeb}\n", "us-defence-primes", TestName = "Load_MisspeltEntity_SS0309")]
    [TestCase("  - {metric: fill_rate, entity: defense, material: ndfe}\n", "ndfe}", TestName = "Load_UnknownMaterial_SS0309")]
    [TestCase("  - {metric: fill_rate, entity: defense, material: ndfeb, statistic: p99}\n", "p99", TestName = "Load_UnknownStatistic_SS0309")]
    public void Load_BadOutput_SS0309AtPosition(string output, string badToken)
    {
        const int Line = 9;
        int column = output.IndexOf(badToken, StringComparison.Ordinal) + 1;
        var (plan, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no18].approval_probability', min: 0.1, max: 0.5}\n", outputs: output));
        Assert.That(plan, Is.Null);
        Assert.That(diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"), Is.EqualTo(new[] { $"SS0309@{Line}:{column}" }), Dump(diagnostics));
    }

    [Test]
    public void Load_UnknownScenario_SS0302WithSuggestion()
    {
        var (_, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no18].approval_probability', min: 0.1, max: 0.5}\n", scenario: "combind"));
        var diagnostic = diagnostics.Items.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo(("SS0302", 2, 11)));
            Assert.That(diagnostic.Message, Does.Contain("did you mean 'combined'"));
        }
    }

    [Test]
    public void Load_RangeOutsideValidValues_SS0310AtParameter()
    {
        var (plan, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no18].approval_probability', min: 0.5, max: 1.5}\n"));
        Assert.That(plan, Is.Null);
        Assert.That(diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}"), Is.EqualTo(new[] { "SS0310@6" }), Dump(diagnostics));
    }

    [Test]
    public void Load_MinNotBelowMax_SS0307()
    {
        var (_, diagnostics) = Load(Sweep("  - {path: 'events[ree-licence-no18].approval_probability', min: 0.5, max: 0.5}\n"));
        Assert.That(diagnostics.Items.Select(d => d.Code), Is.EqualTo(new[] { "SS0307" }));
    }

    [Test]
    public void Load_MissingScenarioFile_SS0301()
    {
        var (_, diagnostics) = Load("scenario_file: nowhere.yaml\nscenario: x\nparameters: []\ndesign: {type: oat}\noutputs: []\n");
        Assert.That(diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"), Is.EqualTo(new[] { "SS0301@1:16" }), Dump(diagnostics));
    }

    [Test]
    public void Load_NestingDeeperThanTheLimit_SS0011NotAStackOverflow()
    {
        // 100,000 nested flow lists would overflow the representation model's recursion; the guard stops at level 65 (the root mapping is level 1, so the 64th bracket).
        string deep = new string('[', 100_000) + new string(']', 100_000);

        var (plan, diagnostics) = Load($"scenario_file: x.yaml\nscenario: x\nparameters: {deep}\n");

        Assert.That(plan, Is.Null);
        Assert.That(diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"), Is.EqualTo(new[] { "SS0011@3:76" }), Dump(diagnostics));
    }
}
