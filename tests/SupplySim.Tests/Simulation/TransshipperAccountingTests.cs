using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Flow accounting per transshipper (DESIGN §3): its re-exports and seizures, trial by trial.</summary>
[TestFixture]
internal sealed class TransshipperAccountingTests
{
    [Test]
    public void Run_ShippedFileUnderCrackdown_EachTransshipperTotalsItsOwnLanes()
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var result = TestModels.Run(model, "combined", trials: 16, seed: 5);
        var columns = result.Layout.Columns;
        string[] transshippers = [.. columns.Where(c => c.Kind == EntityKind.Transshipper).Select(c => c.Entity).Distinct()];
        Assert.That(transshippers, Is.EquivalentTo(new[] { "th-traders", "mx-traders" }));
        double seizedAnywhere = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (string t in transshippers)
            {
                string[] lanes = [.. columns.Where(c => c.Kind == EntityKind.Lane && c.Metric == Metric.ShippedT && c.Entity.StartsWith(t + "->", StringComparison.Ordinal)).Select(c => c.Entity)];
                Assert.That(lanes, Is.Not.Empty, t);
                foreach (var metric in new[] { Metric.ShippedT, Metric.SeizedT })
                {
                    var total = TestModels.Values(result, EntityKind.Transshipper, t, "*", metric);
                    var sum = new double[total.Length];
                    foreach (string lane in lanes)
                    {
                        var values = TestModels.Values(result, EntityKind.Lane, lane, "*", metric);
                        for (int trial = 0; trial < sum.Length; trial++)
                        {
                            sum[trial] += values[trial];
                        }
                    }

                    Assert.That(total, Is.EqualTo(sum), $"{t} {metric}");
                    seizedAnywhere += metric == Metric.SeizedT ? total.Sum() : 0;
                }

                Assert.That(TestModels.Values(result, EntityKind.Transshipper, t, "*", Metric.ShippedT), Has.Some.GreaterThan(0), t);
            }

            Assert.That(seizedAnywhere, Is.GreaterThan(0), "the May 2025 crackdown seizes re-exports in some trial");
        }
    }
}
