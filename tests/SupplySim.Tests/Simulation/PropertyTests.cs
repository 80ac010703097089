using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Properties that hold for every seed; each seed is its own named, reproducible case.</summary>
[TestFixture]
internal sealed class PropertyTests
{
    private static readonly Lazy<SupplySim.Model.CompiledModel> Shipped =
        new(() => TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml")));

    private static IEnumerable<TestCaseData> Seeds(string name) =>
        Enumerable.Range(0, 8).Select(s => new TestCaseData((ulong)s).SetName($"{name}(seed {s})"));

    private static IEnumerable<TestCaseData> FillSeeds() => Seeds("FillRate_EveryConsumerAndSector_IsAProbability");

    private static IEnumerable<TestCaseData> InventorySeeds() => Seeds("Shortage_MoreInitialInventory_NeverIncreases");

    private static IEnumerable<TestCaseData> BanSeeds() => Seeds("Ban_BannedLaneFlow_NeverIncreases");

    [TestCaseSource(nameof(FillSeeds))]
    public void FillRate_IsAProbability(ulong seed)
    {
        foreach (var scenario in Shipped.Value.Scenarios)
        {
            var result = MonteCarlo.Run(Shipped.Value, scenario, new MonteCarloOptions(8, seed));
            var columns = result.Layout.Columns;
            for (int c = 0; c < columns.Count; c++)
            {
                if (columns[c].Metric is Metric.FillRate or Metric.ShortageFraction or Metric.OutputLostFraction)
                {
                    Assert.That(result.Column(c).ToArray(), Is.All.InRange(0.0, 1.0), $"{scenario.Id} {columns[c]}");
                }
            }
        }
    }

    [TestCaseSource(nameof(InventorySeeds))]
    public void Shortage_MoreInitialInventory(ulong seed)
    {
        // Fixed lead times and a supplier that is banned half the year: more stock on hand can only help.
        string Network(int tonnes) => TestModels.Chain
            .Replace("demand_cv: 0", "demand_cv: 0.4", StringComparison.Ordinal)
            .Replace("initial_inventory: {sb: 100 t}", $"initial_inventory: {{sb: {tonnes} t}}", StringComparison.Ordinal)
            .Replace("mode: ban", "mode: ban\n        end: 2024-07-01", StringComparison.Ordinal);
        var less = TestModels.Values(TestModels.Run(TestModels.Compile(Network(100)), "ban", 16, seed), EntityKind.Consumer, "user", "sb", Metric.ShortageT);
        var more = TestModels.Values(TestModels.Run(TestModels.Compile(Network(800)), "ban", 16, seed), EntityKind.Consumer, "user", "sb", Metric.ShortageT);
        for (int trial = 0; trial < less.Length; trial++)
        {
            Assert.That(more[trial], Is.LessThanOrEqualTo(less[trial] + 1e-9), $"trial {trial}");
        }
    }

    [TestCaseSource(nameof(BanSeeds))]
    public void Ban_BannedLaneFlow(ulong seed)
    {
        var model = Shipped.Value;
        var baseline = TestModels.Run(model, "baseline", 8, seed);
        var banned = TestModels.Run(model, "us-ban-dec-2024", 8, seed);
        foreach (string lane in new[] { "cn-sb->us-industry-sb", "cn-ge->us-telecom", "cn-ga->us-telecom" })
        {
            if (!model.Network.LaneNames.Contains(lane))
            {
                Assert.Fail($"lane {lane} not in the shipped scenario");
            }

            var before = TestModels.Values(baseline, EntityKind.Lane, lane, "*", Metric.ShippedT);
            var after = TestModels.Values(banned, EntityKind.Lane, lane, "*", Metric.ShippedT);
            for (int trial = 0; trial < before.Length; trial++)
            {
                Assert.That(after[trial], Is.LessThanOrEqualTo(before[trial] + 1e-9), $"{lane} trial {trial}");
            }
        }
    }

    [Test]
    public void Scenario_WithoutEvents_EqualsBaselineColumnForColumn()
    {
        string yaml = TestModels.Chain.Replace("""
              - id: ban
            """, """
              - id: nothing
                events: []
              - id: ban
            """, StringComparison.Ordinal).Replace("demand_cv: 0", "demand_cv: 0.3", StringComparison.Ordinal);
        var model = TestModels.Compile(yaml);
        var baseline = TestModels.Run(model, "baseline", 16, 3);
        var nothing = TestModels.Run(model, "nothing", 16, 3);
        Assert.That(nothing.Layout.Width, Is.EqualTo(baseline.Layout.Width));
        for (int c = 0; c < baseline.Layout.Width; c++)
        {
            Assert.That(nothing.Column(c).ToArray(), Is.EqualTo(baseline.Column(c).ToArray()), baseline.Layout.Columns[c].ToString());
        }
    }
}
