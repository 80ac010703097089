using NUnit.Framework;
using SupplySim.Decisions;

namespace SupplySim.Tests.Decisions;

/// <summary>Worst case, regret and satisficing on a table computed by hand.</summary>
[TestFixture]
internal sealed class RobustnessMetricsTests
{
    [Test]
    public void Metrics_HandComputedThreePoliciesByThreeScenarios()
    {
        // Costs (lower is better): policy A, B, C (rows) in scenarios 1, 2, 3 (columns).
        double[][] outcomes = [[10, 40, 25], [20, 30, 20], [35, 15, 30]];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RobustnessMetrics.WorstCase(outcomes), Is.EqualTo(new double[] { 40, 30, 35 }));
            // Best per scenario: 10, 15, 20; regrets A: 0, 25, 5; B: 10, 15, 0; C: 25, 0, 10.
            Assert.That(RobustnessMetrics.MaximumRegret(outcomes), Is.EqualTo(new double[] { 25, 15, 25 }));
            Assert.That(RobustnessMetrics.Satisficing(outcomes, 25), Is.EqualTo(new[] { 2 / 3.0, 2 / 3.0, 1 / 3.0 }));
        }
    }
}
