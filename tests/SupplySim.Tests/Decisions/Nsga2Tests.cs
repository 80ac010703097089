using NUnit.Framework;
using SupplySim.Decisions;

namespace SupplySim.Tests.Decisions;

/// <summary>NSGA-II against brute force on a small two-lever problem.</summary>
[TestFixture]
internal sealed class Nsga2Tests
{
    /// <summary>Cost of two levers against the shortfall they leave: a convex trade-off whose front runs from (0, 0) to (1, 1).</summary>
    private static double[] Objectives(double[] x) => [x[0] + x[1], Math.Pow(1 - x[0], 2) + (2 * Math.Pow(1 - x[1], 2))];

    [Test]
    public void Run_TwoLevers_FrontMatchesTheNonDominatedPointsOfABruteForceGrid()
    {
        var grid = new List<double[]>();
        for (int i = 0; i <= 100; i++)
        {
            for (int j = 0; j <= 100; j++)
            {
                grid.Add(Objectives([i / 100.0, j / 100.0]));
            }
        }

        var optimal = ParetoFront.NonDominated(grid).Select(i => grid[i]).ToList();
        var result = Nsga2.Run([0, 0], [1, 1], batch => [.. batch.Select(Objectives)], population: 80, generations: 100, seed: 3);
        double range0 = optimal.Max(o => o[0]) - optimal.Min(o => o[0]), range1 = optimal.Max(o => o[1]) - optimal.Min(o => o[1]);
        double Distance(double[] a, double[] b) => Math.Sqrt(Math.Pow((a[0] - b[0]) / range0, 2) + Math.Pow((a[1] - b[1]) / range1, 2));
        double worstGap = optimal.Max(g => result.Objectives.Min(f => Distance(f, g)));
        TestContext.Out.WriteLine($"widest gap {worstGap:0.000} of the objectives' ranges, {result.Objectives.Count} policies on the front");
        // A found policy may beat the grid (it is not restricted to steps of 0.01) but never lose to it by more than 2% of
        // each objective's range.
        bool anyDominatedByMargin = result.Objectives.Any(f => grid.Any(g => g[0] < f[0] - (0.02 * range0) && g[1] < f[1] - (0.02 * range1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(worstGap, Is.LessThan(0.05), "every grid-optimal point has a found policy within 5% of the objectives' ranges");
            Assert.That(anyDominatedByMargin, Is.False, "no found policy is clearly dominated by a grid point");
            Assert.That(result.Objectives, Has.Count.GreaterThanOrEqualTo(30), "the front is spread, not a handful of points");
            Assert.That(result.Evaluations, Is.EqualTo(80 * 101));
        }
    }

    [Test]
    public void Run_SameSeed_SameFront()
    {
        var a = Nsga2.Run([0, 0], [1, 1], batch => [.. batch.Select(Objectives)], 20, 10, seed: 9);
        var b = Nsga2.Run([0, 0], [1, 1], batch => [.. batch.Select(Objectives)], 20, 10, seed: 9);
        Assert.That(b.Levers.SelectMany(x => x), Is.EqualTo(a.Levers.SelectMany(x => x)));
    }
}
