using System.Text.Json;
using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Reporting.Streaming;
using SupplySim.Simulation;
using SupplySim.Statistics;
using SupplySim.Statistics.Streaming;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Streaming;

/// <summary>
/// A streamed metric whose magnitudes span more than the sketch's kept range (γ^2047 ≈ 7.8·10^8) loses the relative
/// accuracy of its low quantiles; summary.json says so for that metric, and only for it.
/// </summary>
[TestFixture]
internal sealed class SketchCollapseTests
{
    /// <summary>East's demand rate is lognormal with sigma 8: over 1,100 trials it spans some 20 decades. West's is fixed.</summary>
    private const string Model = """
        name: wide and narrow
        start: 2024-01-01
        horizon: 60d
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
          - id: east
            kind: consumer
            country: US
            sector: defense
            demand: {sb: {dist: lognormal, median: 10, sigma: 8, unit: t/d}}
            days_of_cover: 10d
            initial_inventory: {sb: 100 t}
          - id: west
            kind: consumer
            country: DE
            sector: solar
            demand: {sb: 30 t/d}
            days_of_cover: 10d
            initial_inventory: {sb: 300 t}
        lanes:
          - from: mine
            to: east
            lead_time: 5d
          - from: mine
            to: west
            lead_time: 5d
        """;

    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("supplysim-collapse-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void ToSummary_ValuesOverSixteenDecades_FlagsCollapsedQuantiles()
    {
        // The reviewer's case: log-uniform on [1e-12, 1e4]; P5 came back ~1e-5 for ~6e-12 with no flag anywhere.
        var rng = Rng.ForStream(7, 0, 0);
        var wide = new MetricAccumulator([]);
        var narrow = new MetricAccumulator([]);
        for (int i = 0; i < 20_011; i++)
        {
            double u = rng.NextDouble();
            wide.AddChunk([Math.Pow(10, (16 * u) - 12)]);
            narrow.AddChunk([Math.Pow(10, 8 * u)]);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wide.ToSummary().QuantilesCollapsed, Is.True);
            Assert.That(narrow.ToSummary().QuantilesCollapsed, Is.False);
            Assert.That(MetricSummary.Compute([1e-300, 1e300], []).QuantilesCollapsed, Is.False, "exact quantiles never collapse");
        }
    }

    [Test]
    public void SummaryJson_StreamedMetricBeyondSketchRange_SaysQuantilesCollapsedForThatMetricOnly()
    {
        var model = TestModels.Compile(Model);
        var options = new MonteCarloOptions(1100, 3, 1);
        var report = StreamingRun.Run(model, model.Scenarios, options, _root, chunkTrials: 1024);
        string path = Path.Combine(_root, "summary.json");
        AtomicFile.Write(path, s => SummaryJsonWriter.Write(report, s));
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var consumers = json.RootElement.GetProperty("scenarios")[0].GetProperty("consumers").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("metrics"));
        var collapsed = json.RootElement.GetProperty("scenarios").EnumerateArray()
            .SelectMany(s => s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).SelectMany(p => p.Value.EnumerateArray()))
            .SelectMany(e => e.GetProperty("metrics").EnumerateObject().Select(m => (Entity: e.GetProperty("id").GetString(), Metric: m.Name, Stats: m.Value)))
            .Where(m => m.Stats.TryGetProperty("quantiles_collapsed", out _))
            .Select(m => $"{m.Entity}.{m.Metric}")
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("quantiles").GetString(), Is.EqualTo("sketch:relative-0.005"));
            Assert.That(consumers["east"].GetProperty("demand_t").GetProperty("quantiles_collapsed").GetBoolean(), Is.True);
            Assert.That(consumers["west"].GetProperty("demand_t").TryGetProperty("quantiles_collapsed", out _), Is.False);
            Assert.That(collapsed, Does.Contain("east.demand_t").And.Contain("defense.demand_t"), "the sector sums east");
            Assert.That(collapsed, Does.Not.Contain("west.demand_t").And.Not.Contain("solar.demand_t"));
        }
    }
}
