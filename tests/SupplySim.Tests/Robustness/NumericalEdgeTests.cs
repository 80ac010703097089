using System.Text.Json;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Scenario;
using SupplySim.Simulation;
using SupplySim.Tests.Scenario;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// Degenerate but legal numbers (zero demand, zero capacity, zero lead time, horizons of one day and of a century)
/// run, and every number in summary.json is defined.
/// </summary>
[TestFixture]
internal sealed class NumericalEdgeTests
{
    /// <summary><see cref="TestModels.Chain"/> plus a second consumer, 'idle', that demands nothing.</summary>
    private static readonly string ChainWithIdleConsumer = TestModels.Chain
        .Replace("""
                   - id: user
                 """, """
                   - id: idle
                     kind: consumer
                     country: US
                     sector: defense
                     demand: {sb: 0 t/d}
                   - id: user
                 """, StringComparison.Ordinal)
        .Replace("""
                 lanes:
                 """, """
                 lanes:
                   - from: mine
                     to: idle
                     lead_time: 5d
                 """, StringComparison.Ordinal);

    private static (CompiledModel Model, List<ScenarioResult> Results, JsonDocument Summary) RunAll(string yaml, int trials)
    {
        var model = TestModels.Compile(yaml);
        var results = model.Scenarios.Select(s => MonteCarlo.Run(model, s, new MonteCarloOptions(trials, 11))).ToList();
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(new RunReport(model, 11, results), stream);
        return (model, results, JsonDocument.Parse(stream.ToArray()));
    }

    /// <summary>Every number in the document, with its JSON path, that is not a finite double.</summary>
    private static List<string> UndefinedNumbers(JsonElement element, string path = "$")
    {
        var found = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    found.AddRange(UndefinedNumbers(property.Value, $"{path}.{property.Name}"));
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    found.AddRange(UndefinedNumbers(item, $"{path}[{index++}]"));
                }

                break;
            case JsonValueKind.Number when !element.TryGetDouble(out double value) || !double.IsFinite(value):
                found.Add(path);
                break;
            case JsonValueKind.String when element.GetString() is "NaN" or "Infinity" or "-Infinity":
                found.Add(path);
                break;
        }

        return found;
    }

    private static JsonElement Consumer(JsonDocument summary, int scenario, string id) =>
        summary.RootElement.GetProperty("scenarios")[scenario].GetProperty("consumers").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id);

    [Test]
    public void Run_ConsumerWithZeroDemand_EveryMetricDefinedAndFillRateOne()
    {
        var (_, _, summary) = RunAll(ChainWithIdleConsumer, trials: 20);
        using (summary)
        {
            var idle = Consumer(summary, 0, "idle").GetProperty("metrics");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(UndefinedNumbers(summary.RootElement), Is.Empty);
                Assert.That(idle.GetProperty("fill_rate").GetProperty("mean").GetDouble(), Is.EqualTo(1.0));
                Assert.That(idle.GetProperty("shortage_fraction").GetProperty("mean").GetDouble(), Is.Zero);
                Assert.That(Consumer(summary, 1, "idle").TryGetProperty("delta", out _), Is.True);
            }
        }
    }

    [Test]
    public void Run_ProducerWithZeroCapacity_ConsumerRunsShortAndEveryMetricDefined()
    {
        string yaml = TestModels.Chain
            .Replace("capacity: 1000 t/d", "capacity: 0 t/d", StringComparison.Ordinal)
            .Replace("initial_inventory: {sb: 30000 t}", "initial_inventory: {sb: 0 t}", StringComparison.Ordinal);

        var (_, _, summary) = RunAll(yaml, trials: 20);
        using (summary)
        {
            var fill = Consumer(summary, 0, "user").GetProperty("metrics").GetProperty("fill_rate");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(UndefinedNumbers(summary.RootElement), Is.Empty);
                // The consumer's 100 t of opening stock covers 10 of 365 days of 10 t/d.
                Assert.That(fill.GetProperty("mean").GetDouble(), Is.EqualTo(10.0 / 365).Within(1e-9));
            }
        }
    }

    [Test]
    public void Run_ZeroDayLeadTime_TakesOneStepLikeOneDay()
    {
        string zero = TestModels.Chain.Replace("lead_time: 5d", "lead_time: 0d", StringComparison.Ordinal);
        string one = TestModels.Chain.Replace("lead_time: 5d", "lead_time: 1d", StringComparison.Ordinal);

        var (_, zeroResults, zeroSummary) = RunAll(zero, trials: 5);
        var (_, oneResults, oneSummary) = RunAll(one, trials: 5);
        using (zeroSummary)
        using (oneSummary)
        {
            var zeroFill = TestModels.Values(zeroResults[0], EntityKind.Consumer, "user", "sb", Metric.FillRate);
            var oneFill = TestModels.Values(oneResults[0], EntityKind.Consumer, "user", "sb", Metric.FillRate);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(UndefinedNumbers(zeroSummary.RootElement), Is.Empty);
                Assert.That(zeroFill, Is.EqualTo(oneFill));
                Assert.That(zeroFill, Is.All.EqualTo(1.0));
            }
        }
    }

    [Test]
    public void Run_HorizonOfOneDay_OneStepAndEveryMetricDefined()
    {
        string yaml = TestModels.Chain.Replace("horizon: 365d", "horizon: 1d", StringComparison.Ordinal);

        var (model, _, summary) = RunAll(yaml, trials: 10);
        using (summary)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(model.Network.Steps, Is.EqualTo(1));
                Assert.That(UndefinedNumbers(summary.RootElement), Is.Empty);
                Assert.That(Consumer(summary, 0, "user").GetProperty("metrics").GetProperty("fill_rate").GetProperty("mean").GetDouble(),
                    Is.EqualTo(1.0));
            }
        }
    }

    [Test]
    public void Run_HorizonOfOneHundredYears_CompletesWithEveryMetricDefined()
    {
        string yaml = TestModels.Chain.Replace("horizon: 365d", "horizon: 36500d", StringComparison.Ordinal);

        var (model, _, summary) = RunAll(yaml, trials: 3);
        using (summary)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(model.Network.Steps, Is.EqualTo(36500));
                Assert.That(UndefinedNumbers(summary.RootElement), Is.Empty);
                Assert.That(Consumer(summary, 0, "user").GetProperty("metrics").GetProperty("fill_rate").GetProperty("mean").GetDouble(),
                    Is.InRange(0.0, 1.0));
            }
        }
    }

    [TestCase("36600d", false, TestName = "Compile_HorizonAtLimit_Accepted")]
    [TestCase("36601d", true, TestName = "Compile_HorizonPastLimit_SS0104")]
    [TestCase("0d", true, TestName = "Compile_HorizonZero_SS0104")]
    public void Compile_HorizonBoundary(string horizon, bool rejected)
    {
        var (model, diagnostics) = TestScenario.Compile(TestScenario.WithLine(3, $"horizon: {horizon}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model is null, Is.EqualTo(rejected));
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(rejected ? new[] { ("SS0104", 3, 10) } : []));
        }
    }

    [TestCase("capacity: 1000 t/d", "capacity: 1e308 t/d", TestName = "Run_CapacityNearDoubleMax_RefusedOrDefined")]
    [TestCase("demand: {sb: 10 t/d}", "demand: {sb: 1e308 t/d}", TestName = "Run_DemandNearDoubleMax_RefusedOrDefined")]
    [TestCase("initial_inventory: {sb: 30000 t}", "initial_inventory: {sb: 1e308 t}", TestName = "Run_StockNearDoubleMax_RefusedOrDefined")]
    [TestCase("initial_inventory: {sb: 100 t}", "initial_inventory: 1e308d", TestName = "Run_CoverStockNearDoubleMax_RefusedOrDefined")]
    [TestCase("days_of_cover: 30d", "days_of_cover: 1e308d", TestName = "Run_ProducerCoverNearDoubleMax_RefusedOrDefined")]
    [TestCase("days_of_cover: 10d", "days_of_cover: 1e308d", TestName = "Run_ConsumerCoverNearDoubleMax_RefusedOrDefined")]
    [TestCase("lead_time: 5d", "lead_time: 5d\n    share: 1e308", TestName = "Run_ShareNearDoubleMax_RefusedOrDefined")]
    [TestCase("capacity: 1000 t/d", "capacity: 1e15 t/d", TestName = "Run_CapacityAQuadrillionTonnesADay_RefusedOrDefined")]
    public void Run_HugeQuantity_RefusedWithPositionOrEveryMetricDefined(string old, string replacement)
    {
        string yaml = TestModels.Chain.Replace(old, replacement, StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.Load(yaml, "huge.yaml", diagnostics);
        var model = document is null ? null : NetworkCompiler.Compile(document, diagnostics);
        if (model is null)
        {
            Assert.That(diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => (d.Code, d.Location.Line)),
                Has.Some.EqualTo(("SS0104", LineOf(yaml, replacement.Split('\n')[^1]))), string.Join("\n", diagnostics.Items));
            return;
        }

        var results = model.Scenarios.Select(s => MonteCarlo.Run(model, s, new MonteCarloOptions(3, 11))).ToList();
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(new RunReport(model, 11, results), stream);
        using var summary = JsonDocument.Parse(stream.ToArray());
        Assert.That(UndefinedNumbers(summary.RootElement), Is.Empty);
    }

    private static int LineOf(string text, string line) =>
        Array.FindIndex(text.Split('\n'), l => l.Contains(line.Trim(), StringComparison.Ordinal)) + 1;
}
