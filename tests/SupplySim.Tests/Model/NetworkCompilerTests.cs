using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Tests.Scenario;

// Namespace is SupplySim.Tests, not SupplySim.Tests.Model: a SupplySim.Tests.Model namespace would shadow
// SupplySim.Model for code that writes Model.CompiledModel (Simulation/PropertyTests.cs).
namespace SupplySim.Tests.Model;

[TestFixture]
internal sealed class NetworkCompilerTests
{
    private const string ExtraLane = "  - from: mine\n    to: plant\n    lead_time: 1d\n";

    private static IEnumerable<TestCaseData> NetworkMistakes()
    {
        yield return Case("Compile_DuplicateNodeId_SS0101", "SS0101", 12, 9,
            "  - id: plant", "  - id: mine");
        yield return Case("Compile_DuplicateMaterialId_SS0101", "SS0101", 6, 9,
            "  - id: ore", "  - id: ore\n  - id: ore");
        yield return Case("Compile_UppercaseNodeId_SS0013", "SS0013", 7, 9,
            "  - id: mine", "  - id: Mine");
        yield return Case("Compile_LaneToUnknownNode_SS0102", "SS0102", 22, 9,
            "    lead_time: 10d\n", "    lead_time: 10d\n  - from: mine\n    to: plnt\n    lead_time: 1d\n");
        yield return Case("Compile_UnknownProducerMaterial_SS0103", "SS0103", 10, 15,
            "    material: ore", "    material: or");
        yield return Case("Compile_UnknownDemandMaterial_SS0103", "SS0103", 16, 14,
            "    demand: {ore: 100 t/yr}", "    demand: {gold: 100 t/yr}");
        yield return Case("Compile_NegativeCapacity_SS0104", "SS0104", 11, 15,
            "    capacity: 1000 t/yr", "    capacity: -1 t/yr");
        yield return Case("Compile_ZeroHorizon_SS0104", "SS0104", 3, 10,
            "horizon: 365d", "horizon: 0d");
        yield return Case("Compile_NegativeShare_SS0104", "SS0104", 21, 12,
            "    lead_time: 10d", "    lead_time: 10d\n    share: -1");
        yield return Case("Compile_PriorityAbove99_SS0104", "SS0104", 16, 15,
            "    sector: industry", "    sector: industry\n    priority: 100");
        yield return Case("Compile_UniformMinAboveMax_SS0105", "SS0105", 20, 16,
            "    lead_time: 10d", "    lead_time: {dist: uniform, min: 9d, max: 2d}");
        yield return Case("Compile_TriangularModeAboveMax_SS0105", "SS0105", 20, 16,
            "    lead_time: 10d", "    lead_time: {dist: triangular, min: 2d, mode: 12d, max: 9d}");
        yield return Case("Compile_LognormalZeroMedian_SS0105", "SS0105", 20, 16,
            "    lead_time: 10d", "    lead_time: {dist: lognormal, median: 0d, sigma: 1}");
        yield return Case("Compile_NormalNegativeSd_OneSS0105", "SS0105", 20, 16,
            "    lead_time: 10d", "    lead_time: {dist: normal, mean: 20d, sd: -3d}");
        yield return Case("Compile_EndBeforeStart_SS0106", "SS0106", 3, 6,
            "horizon: 365d", "end: 2023-12-01");
        yield return Case("Compile_HorizonAndEnd_SS0106", "SS0106", 4, 6,
            "horizon: 365d", "horizon: 365d\nend: 2024-12-31");
        yield return Case("Compile_LaneToItself_SS0107", "SS0107", 21, 5,
            "    lead_time: 10d\n", "    lead_time: 10d\n  - from: mine\n    to: mine\n    lead_time: 1d\n");
        yield return Case("Compile_LaneFromConsumer_SS0107", "SS0107", 18, 5,
            "lanes:\n", "lanes:\n  - from: plant\n    to: mine\n    lead_time: 1d\n");
        yield return Case("Compile_DuplicateLane_SS0115", "SS0115", 21, 5,
            "    lead_time: 10d\n", "    lead_time: 10d\n" + ExtraLane);
        yield return Case("Compile_DuplicateLaneWithMaterials_SS0115", "SS0115", 22, 5,
            "    lead_time: 10d\n",
            "    lead_time: 10d\n" +
            "    materials: [ore]\n" +
            "  - from: mine\n" +
            "    to: plant\n" +
            "    lead_time: 1d\n" +
            "    materials: [ore]\n");
        yield return Case("Compile_InventoryOfUnknownMaterial_SS0103", "SS0103", 11, 25,
            "    material: ore", "    material: ore\n    initial_inventory: {gold: 1 t}");
        yield return Case("Compile_ConsumerWithoutLane_SS0110", "SS0110", 16, 14,
            "lanes:\n  - from: mine\n    to: plant\n    lead_time: 10d\n", "lanes: []\n");
        yield return Case("Compile_UnknownCountry_SS0111", "SS0111", 9, 14,
            "    country: AU", "    country: ZZ");
        yield return Case("Compile_LowerCaseCountry_SS0111", "SS0111", 14, 14,
            "    country: US", "    country: us");
    }

    private static IEnumerable<TestCaseData> EventMistakes()
    {
        yield return Event("Compile_EventAfterRun_SS0106", "SS0106", 25, 16,
            "demand_shock", "start: 2025-06-01", "node: plant", "multiplier: 2");
        yield return Event("Compile_EventEndBeforeStart_SS0106", "SS0106", 26, 14,
            "demand_shock", "start: 2024-06-01", "end: 2024-05-01", "node: plant", "multiplier: 2");
        yield return Event("Compile_NegativeMultiplier_SS0104", "SS0104", 27, 21,
            "demand_shock", "start: 2024-06-01", "node: plant", "multiplier: -1");
        yield return Event("Compile_ShockUnknownSector_SS0116", "SS0116", 26, 17,
            "demand_shock", "start: 2024-06-01", "sector: defense", "multiplier: 2");
        yield return Event("Compile_EnforcementOnProducer_SS0112", "SS0112", 26, 15,
            "enforcement", "start: 2024-06-01", "node: mine", "leak_fraction: 0.5");
        yield return Event("Compile_DisruptionUnknownNode_SS0102", "SS0102", 26, 15,
            "disruption", "start: 2024-06-01", "node: mina", "rate_per_year: 1", "duration: 5d");
        yield return Event("Compile_DisruptionUnknownLane_SS0102", "SS0102", 26, 15,
            "disruption", "start: 2024-06-01", "lane: plant->mine", "rate_per_year: 1", "duration: 5d");
        yield return Event("Compile_DisruptionOfConsumer_SS0112", "SS0112", 26, 15,
            "disruption", "start: 2024-06-01", "node: plant", "rate_per_year: 1", "duration: 5d");
        yield return Event("Compile_ControlUnknownMaterial_SS0103", "SS0103", 27, 21,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [gold]", "destinations: [US]",
            "mode: ban");
        yield return Event("Compile_ControlUnknownExporter_SS0111", "SS0111", 26, 19,
            "export_control", "start: 2024-06-01", "exporter: XX", "materials: [ore]", "destinations: [US]",
            "mode: ban");
        yield return Event("Compile_ControlUnknownDestination_SS0111", "SS0111", 28, 24,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [USA]",
            "mode: ban");
        yield return Event("Compile_ApprovalAboveOne_SS0104", "SS0104", 31, 31,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [US]",
            "mode: license", "processing_time: 30d", "approval_probability: 1.2");
        yield return Event("Compile_NegativeLicenceValidity_SS0104", "SS0104", 32, 19,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [US]",
            "mode: license", "processing_time: 30d", "approval_probability: 0.5", "validity: -5d");
        yield return Event("Compile_LicenceValidityBeyondAYear_SS0104", "SS0104", 32, 49,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [US]",
            "mode: license", "processing_time: 30d", "approval_probability: 0.5", "validity: {dist: uniform, min: 0d, max: 400d}");
        yield return Event("Compile_LicenceValidityMinAboveMax_SS0105", "SS0105", 32, 19,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [US]",
            "mode: license", "processing_time: 30d", "approval_probability: 0.5", "validity: {dist: uniform, min: 90d, max: 30d}");
        yield return Event("Compile_LicenceValidityOnBan_SS0121", "SS0121", 30, 19,
            "export_control", "start: 2024-06-01", "exporter: AU", "materials: [ore]", "destinations: [US]",
            "mode: ban", "validity: 30d");
        yield return Event("Compile_QuotaCountryWithoutProducer_SS0112", "SS0112", 26, 18,
            "quota", "start: 2024-06-01", "country: JP", "annual: 10 t/yr");
    }

    [TestCaseSource(nameof(NetworkMistakes))]
    [TestCaseSource(nameof(EventMistakes))]
    public void Compile_OneMistake_ReportsCodeAtPositionAndReturnsNull(string yaml, string code, int line, int column)
    {
        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { (code, line, column) }),
                string.Join("\n", diagnostics.Items));
            Assert.That(model, Is.Null);
        }
    }

    [Test]
    public void Compile_TriangularOutOfOrder_QuotesTheValuesAsWritten()
    {
        var (_, diagnostics) = TestScenario.Compile(TestScenario.Replace("    capacity: 1000 t/yr",
            "    capacity: {dist: triangular, min: 50900, mode: 46000, max: 38632, unit: t/yr}"));
        Assert.That(diagnostics.Items.Single().Message, Does.EndWith("was '50900 t/yr', '46000 t/yr', '38632 t/yr'"));
    }

    [Test]
    public void Compile_NormalMeanFarOutsideItsBounds_QuotesTheValuesAsWritten()
    {
        var (_, diagnostics) = TestScenario.Compile(TestScenario.Replace("    capacity: 1000 t/yr",
            "    capacity: {dist: normal, mean: 5000, sd: 10, min: 0, max: 1000, unit: t/yr}"));
        Assert.That(diagnostics.Items.Single().Message, Does.EndWith("mean '5000 t/yr' is far outside ['0 t/yr', '1000 t/yr']"));
    }

    [Test]
    public void Compile_ProbabilityAboveOne_NoInternalUnitsNoteForAPlainNumber()
    {
        var (_, diagnostics) = TestScenario.Compile(TestScenario.WithEvent("export_control", "start: 2024-06-01", "exporter: AU",
            "materials: [ore]", "destinations: [US]", "mode: license", "processing_time: 30d", "approval_probability: 1.2"));
        Assert.That(diagnostics.Items.Single().Message, Does.Not.Contain("internal units").And.EndWith("was '1.2'"));
    }

    [Test]
    public void Compile_BaseScenario_BuildsNetworkAndBaseline()
    {
        var (model, diagnostics) = TestScenario.Compile(TestScenario.Base);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(model?.Network.NodeIds, Is.EqualTo(new[] { "mine", "plant" }));
            Assert.That(model?.Network.LaneNames, Is.EqualTo(new[] { "mine->plant" }));
            Assert.That(model?.Network.Steps, Is.EqualTo(365));
            Assert.That(model?.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "baseline" }));
        }
    }

    [Test]
    public void Compile_ScenarioNamedBaseline_SS0101()
    {
        string yaml = TestScenario.WithEvent("demand_shock", "start: 2024-06-01", "node: plant", "multiplier: 2")
            .Replace("  - id: shock", "  - id: baseline", StringComparison.Ordinal);

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0101", 22, 9) }));
            Assert.That(model, Is.Null);
        }
    }

    [Test]
    public void Compile_ScenarioWithoutEvents_WarnsSS0120AndCompiles()
    {
        string yaml = TestScenario.Base + "scenarios:\n  - id: quiet\n    events: []\n";

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Severity, d.Location.Line, d.Location.Column)),
                Is.EqualTo(new[] { ("SS0120", Severity.Warning, 22, 5) }));
            Assert.That(model?.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "baseline", "quiet" }));
        }
    }

    [Test]
    public void Compile_RecipeInputOnlyFromInitialStock_WarnsSS0122AndCompiles()
    {
        string minimal = File.ReadAllText(Path.Combine(Support.TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml"));
        string yaml = minimal
            .Replace("  - from: mine\n    to: refinery\n    lead_time: 14d\n", "", StringComparison.Ordinal)
            .Replace("    capacity: 400 t/yr\n", "    capacity: 400 t/yr\n    initial_inventory: {ore: 100 t}\n", StringComparison.Ordinal);

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Severity, d.Location.Line)), Is.EqualTo(new[] { ("SS0122", Severity.Warning, 25) }),
                string.Join("\n", diagnostics.Items));
            Assert.That(model, Is.Not.Null);
        }
    }

    [Test]
    public void Compile_HorizonNotWholeSteps_WarnsSS0127WithTheDaysTheRunCovers()
    {
        string yaml = TestScenario.Base.Replace("horizon: 365d\n", "horizon: 730d\nstep: 7d\n", StringComparison.Ordinal);

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Severity, d.Location.Line, d.Location.Column)),
                Is.EqualTo(new[] { ("SS0127", Severity.Warning, 3, 10) }), string.Join("\n", diagnostics.Items));
            Assert.That(diagnostics.Items[0].Message, Does.Contain("covers 735d (105 steps)").And.Contain("give 728d or 735d"));
            Assert.That(model!.Network.Steps, Is.EqualTo(105));
        }
    }

    [TestCase("0d", "so it would make nothing")]
    [TestCase("1d", "at most 1 of 7 days' capacity")]
    public void Compile_OrderUpToProducerCoverShorterThanAStep_SS0104(string cover, string effect)
    {
        string yaml = TestScenario.Base
            .Replace("horizon: 365d\n", "horizon: 364d\nstep: 7d\n", StringComparison.Ordinal)
            .Replace("    capacity: 1000 t/yr\n", $"    capacity: 1000 t/yr\n    policy: order_up_to\n    days_of_cover: {cover}\n", StringComparison.Ordinal);

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0104", 14, 20) }), string.Join("\n", diagnostics.Items));
            Assert.That(diagnostics.Items[0].Message, Does.Contain(effect).And.Contain("give at least 7d"));
            Assert.That(model, Is.Null);
        }
    }

    [TestCase("0.5", true)]
    [TestCase("{dist: uniform, min: 0.5, max: 1}", true)]
    [TestCase("1", false)]
    public void Compile_PartialOutageOfANodeWithoutCapacity_WarnsSS0128(string lost, bool warns)
    {
        string minimal = File.ReadAllText(Path.Combine(Support.TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml"));
        string yaml = minimal + $"  - id: trader-down\n    events:\n      - {{type: disruption, start: 2024-03-01, node: trader, rate_per_year: 2, duration: 30d, capacity_lost: {lost}}}\n";

        var (model, diagnostics) = TestScenario.Compile(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Severity)),
                Is.EqualTo(warns ? new[] { ("SS0128", Severity.Warning) } : []), string.Join("\n", diagnostics.Items));
            Assert.That(model, Is.Not.Null);
        }
    }

    [Test]
    public void Compile_LoaderReportedError_ReturnsNullWithoutSemanticErrors()
    {
        var (model, diagnostics) = TestScenario.Compile(TestScenario.Base + "colour: red\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0004", 21, 1) }));
            Assert.That(model, Is.Null);
        }
    }

    [Test]
    public void Compile_TwoIndependentMistakes_ReportsBoth()
    {
        string yaml = TestScenario.Base
            .Replace("    country: AU", "    country: ZZ", StringComparison.Ordinal)
            .Replace("    country: US", "    country: QQ", StringComparison.Ordinal);

        var (_, diagnostics) = TestScenario.Compile(yaml);

        Assert.That(TestScenario.Errors(diagnostics), Is.EquivalentTo(new[] { ("SS0111", 9, 14), ("SS0111", 14, 14) }));
    }

    private static TestCaseData Case(string name, string code, int line, int column, string old, string replacement) =>
        new TestCaseData(TestScenario.Replace(old, replacement), code, line, column).SetName(name);

    private static TestCaseData Event(string name, string code, int line, int column, params string[] lines) =>
        new TestCaseData(TestScenario.WithEvent(lines), code, line, column).SetName(name);
}
