using NUnit.Framework;
using SupplySim.Decisions;
using static SupplySim.Tests.Decisions.DecisionModels;

namespace SupplySim.Tests.Decisions;

/// <summary>The optimiser against answers known in advance: the newsvendor's critical fractile and a brute-force grid.</summary>
[TestFixture]
internal sealed class PolicyOptimizerTests
{
    [Test]
    public void Run_SingleStockpileAgainstARandomCut_FindsTheNewsvendorCriticalFractile()
    {
        // A tonne in stock costs h = 10,000 USD and saves p = 40,000 USD if the cut is deeper than the stock: the
        // expected cost h·x + p·E[(L − x)+] is least at the (p − h)/p = 0.75 quantile of the shortage L without stock.
        const int Trials = 400;
        string yaml = Yaml(Stockpile);
        var result = PolicyOptimizer.Run(Evaluator(yaml, Trials), budget: 400, seed: 3, threads: 2);
        double cheapest = result.Front[0].Levers[0];
        double[] shortage = [.. ShortageTonnes(yaml, "baseline", Trials).Order()];
        const double Fractile = (ShortageCostPerTonne - PurchasePerTonne) / ShortageCostPerTonne;
        // Monte Carlo error of the sample quantile: two standard errors of the order statistic's rank.
        double band = 2 * Math.Sqrt(Trials * Fractile * (1 - Fractile));
        double low = shortage[(int)((Trials * Fractile) - band)], high = shortage[(int)((Trials * Fractile) + band)];
        TestContext.Out.WriteLine($"cheapest stockpile {cheapest:0} t; 0.75 quantile of the shortage {shortage[(int)(Trials * Fractile)]:0} t, band [{low:0}, {high:0}]");
        Assert.That(cheapest, Is.InRange(low, high));
    }

    [Test]
    public void Run_TwoLevers_FrontMatchesTheNonDominatedPointsOfABruteForceGrid()
    {
        var evaluator = Evaluator(Yaml(Stockpile + "\n" + Recycling), 100);
        var problem = evaluator.Problem;
        var grid = new List<double[]>();
        for (int i = 0; i <= 40; i++)
        {
            for (int j = 0; j <= 5; j++)
            {
                grid.Add([100.0 * i, 2.0 * j]);
            }
        }

        var gridOutcomes = evaluator.EvaluateAll(grid, threads: 2);
        var gridObjectives = gridOutcomes.Select(o => PolicyOptimizer.Objectives(problem, o, [0], [0])).ToList();
        var optimal = ParetoFront.NonDominated(gridObjectives).Select(i => gridObjectives[i]).ToList();
        var result = PolicyOptimizer.Run(evaluator, budget: 600, seed: 5, threads: 2);
        double range0 = optimal.Max(o => o[0]) - optimal.Min(o => o[0]), range1 = optimal.Max(o => o[1]) - optimal.Min(o => o[1]);
        // Every grid-optimal point is matched or beaten by a found policy, within 2% of each objective's range.
        var unmatched = optimal.Where(g => !result.FrontObjectives.Any(f => f[0] <= g[0] + (0.02 * range0) && f[1] <= g[1] + (0.02 * range1))).ToList();
        TestContext.Out.WriteLine($"{optimal.Count} grid-optimal points, {result.Front.Count} found; unmatched: {string.Join("; ", unmatched.Select(u => $"{u[0]:0}, {u[1]:0.000}"))}");
        Assert.That(unmatched, Is.Empty);
    }

    [Test]
    public void Run_SameSeed_SameFrontWhateverTheThreadCount()
    {
        var evaluator = Evaluator(Yaml(Stockpile + "\n" + Recycling), 50);
        var one = PolicyOptimizer.Run(evaluator, budget: 80, seed: 11, threads: 1);
        var two = PolicyOptimizer.Run(evaluator, budget: 80, seed: 11, threads: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(two.Front.Select(p => p.Levers), Is.EqualTo(one.Front.Select(p => p.Levers)));
            Assert.That(two.FrontObjectives, Is.EqualTo(one.FrontObjectives));
            Assert.That(two.Evaluated.Select(o => o.Levers), Is.EqualTo(one.Evaluated.Select(o => o.Levers)));
            Assert.That(two.Evaluated, Has.Count.LessThanOrEqualTo(80));
        }
    }
}
