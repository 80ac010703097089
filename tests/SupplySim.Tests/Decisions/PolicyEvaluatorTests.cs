using NUnit.Framework;
using SupplySim.Decisions;
using static SupplySim.Tests.Decisions.DecisionModels;

namespace SupplySim.Tests.Decisions;

/// <summary>What a policy costs and does: each lever kind changes the network as documented, on common random numbers.</summary>
[TestFixture]
internal sealed class PolicyEvaluatorTests
{
    [Test]
    public void Evaluate_LeversAtTheFilesValues_GivesTheFilesOwnTrials()
    {
        string yaml = Yaml(Stockpile + "\n" + Recycling);
        var outcome = Evaluator(yaml, 100).Evaluate([0, 0]);
        double expected = ShortageTonnes(yaml, "baseline", 100).Average() * ShortageCostPerTonne;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.LeverCost, Is.Zero);
            // The policy's copy runs the baseline through an empty stand-in scenario: same draws, same shortage.
            Assert.That(outcome.ExpectedShortageCost[0], Is.EqualTo(expected).Within(1e-9).Percent);
        }
    }

    [Test]
    public void Evaluate_Stockpile_CostsItsPurchaseAndCutsShortageTonneForTonne()
    {
        string yaml = Yaml(Stockpile);
        var evaluator = Evaluator(yaml, 100);
        var none = evaluator.Evaluate([0]);
        var some = evaluator.Evaluate([500]);
        double[] shortage = ShortageTonnes(yaml, "baseline", 100);
        // Every trial short by more than 500 t plus the stock the user is left holding at the end is short by 500 t less.
        double expected = shortage.Select(s => Math.Max(0, s - 500)).Average();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(some.LeverCost, Is.EqualTo(500 * PurchasePerTonne));
            Assert.That(none.ExpectedShortageCost[0] - some.ExpectedShortageCost[0], Is.GreaterThan(0.9 * 500 * ShortageCostPerTonne * shortage.Count(s => s > 600) / 100.0));
            Assert.That(some.ExpectedShortageCost[0] / ShortageCostPerTonne, Is.EqualTo(expected).Within(60), "shortage tonnes with 500 t in stock");
        }
    }

    [Test]
    public void Evaluate_RecyclingOnlineAfterHalfAYear_ShortUntilThen()
    {
        // China supplies nothing: the user lives on its 10 days of cover and whatever recycling produces.
        string Levers(string online) => $"""
              - id: recycling
                kind: recycling
                node: us-recycler
                range: [0 t/yr, 3650 t/yr]
                capital_cost: 30 kUSD/(t/yr)
                online_after: {online}
            """;
        double ShortTonnes(string online)
        {
            var outcome = Evaluator(Yaml(Levers(online), chinaCapacity: "0 t/yr"), 20).Evaluate([3650 / 365.0]);
            Assert.That(outcome.LeverCost, Is.EqualTo(3650 * 30_000.0).Within(1e-3), "capital cost per tonne a year of capacity");
            return outcome.ExpectedShortageCost[0] / ShortageCostPerTonne;
        }

        double atOnce = ShortTonnes("0d"), later = ShortTonnes("180d");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atOnce, Is.LessThan(0.02 * 3650), "online from the start: the recycler covers the demand");
            // Online on day 180: 180 days of demand (1,800 t) less the 100 t of starting cover go short.
            Assert.That(later, Is.EqualTo(1700).Within(60));
        }
    }

    [Test]
    public void Evaluate_Prequalify_RemovesTheQualificationDelayUnderABan()
    {
        const string Lever = """
              - id: qualify-jp
                kind: prequalify
                lane: jp-sb->us-user
                cost: {dist: uniform, min: 1 MUSD, max: 3 MUSD}
            """;
        var evaluator = Evaluator(Yaml(Lever, scenarios: "[ban]", chinaCapacity: "3650 t/yr", japan: true), 20);
        var off = evaluator.Evaluate([0.2]);
        var on = evaluator.Evaluate([0.7]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(off.Levers, Is.EqualTo(new[] { 0.0 }), "on/off levers are rounded");
            Assert.That(on.Levers, Is.EqualTo(new[] { 1.0 }));
            Assert.That(off.LeverCost, Is.Zero);
            Assert.That(on.LeverCost, Is.EqualTo(2e6), "a cost range counts with its mean");
            // Banned from day 0, the user waits 100 days to qualify Japan unless it did so in advance.
            Assert.That(off.ExpectedShortageCost[0] / ShortageCostPerTonne, Is.GreaterThan(800));
            Assert.That(on.ExpectedShortageCost[0] / ShortageCostPerTonne, Is.LessThan(100));
        }
    }

    [Test]
    public void Evaluate_DaysOfCover_CostsHoldingOnTheCoverAndStartsWithIt()
    {
        const string Lever = """
              - id: cover
                kind: days_of_cover
                node: us-user
                range: [10d, 120d]
                holding_cost: {sb: 1000 USD/t/yr}
            """;
        var evaluator = Evaluator(Yaml(Lever, scenarios: "[ban]", chinaCapacity: "3650 t/yr", japan: true), 20);
        var low = evaluator.Evaluate([10]);
        var high = evaluator.Evaluate([90]);
        using (Assert.EnterMultipleScope())
        {
            // 90 days of 10 t/d held for the one-year run at 1,000 USD per tonne-year.
            Assert.That(high.LeverCost, Is.EqualTo(90 * 10 * 1000.0).Within(1e-6));
            // Under the ban the extra 80 days of stock cover 800 t of the gap until Japan is qualified.
            Assert.That(low.ExpectedShortageCost[0] - high.ExpectedShortageCost[0], Is.EqualTo(800 * ShortageCostPerTonne).Within(60 * ShortageCostPerTonne));
        }
    }

    [Test]
    public void Evaluate_PerDayStopped_CostsTheCoupledConsumersLostOutputDays()
    {
        string yaml = Yaml(Stockpile, chinaCapacity: "{dist: uniform, min: 0, max: 3650, unit: t/yr}")
            .Replace("    demand_cv: 0\n", "    demand_cv: 0\n    coupled: true\n", StringComparison.Ordinal)
            .Replace("    - sector: defense\n      material: sb\n      per_tonne: 40000 USD/t", "    - consumer: us-user\n      per_day_stopped: 1 MUSD/d",
                StringComparison.Ordinal);
        Assert.That(yaml, Does.Contain("per_day_stopped"));
        var outcome = Evaluator(yaml, 50).Evaluate([0]);
        var model = Compile(yaml).Model;
        var result = SupplySim.Simulation.MonteCarlo.Run(model, model.Scenarios[0], new SupplySim.Simulation.MonteCarloOptions(50, 7, 1));
        int column = result.Layout.Columns.ToList().IndexOf(new SupplySim.Simulation.MetricColumn(
            SupplySim.Simulation.EntityKind.Consumer, "us-user", "*", SupplySim.Simulation.Metric.OutputLostFraction));
        double lostDays = result.Column(column).ToArray().Average() * 365;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lostDays, Is.GreaterThan(100), "the random cut stops output for months");
            Assert.That(outcome.ExpectedShortageCost[0], Is.EqualTo(lostDays * 1e6).Within(1e-9).Percent);
        }
    }

    [Test]
    public void Objectives_RegretAndSatisficing_FromAHandComputedTable()
    {
        // Two scenarios; lever cost 10, shortage costs 5 and 20 (totals 15 and 30), risks 0.1 and 0.4.
        var outcome = new PolicyOutcome([0.0], 10, [5, 20], [0.1, 0.4]);
        var worst = Compile(Yaml(Stockpile, scenarios: "[baseline, ban]")).Problem;
        var regret = Compile(Yaml(Stockpile, scenarios: "[baseline, ban]").Replace("robustness: worst_case", "robustness: regret", StringComparison.Ordinal)).Problem;
        var satisficing = Compile(Yaml(Stockpile, scenarios: "[baseline, ban]")
            .Replace("robustness: worst_case", "robustness: satisficing\n  max_risk: 0.2", StringComparison.Ordinal)).Problem;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PolicyOptimizer.Objectives(worst, outcome, [0, 0], [0, 0]), Is.EqualTo(new[] { 30, 0.4 }));
            // Best policies per scenario cost 12 and 18 and risk 0.1 and 0.1: regrets 3 and 12, 0 and 0.3.
            Assert.That(PolicyOptimizer.Objectives(regret, outcome, [12, 18], [0.1, 0.1]), Is.EqualTo(new[] { 12, 0.3 }).Within(1e-12));
            // One of two scenarios keeps its risk at most 0.2: half fail.
            Assert.That(PolicyOptimizer.Objectives(satisficing, outcome, [0, 0], [0, 0]), Is.EqualTo(new[] { 30, 0.5 }));
        }
    }

    [Test]
    public void ConditionalValueAtRisk_IsTheMeanOfTheWorstTail()
    {
        double[] hundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RiskMeasure.ConditionalValueAtRisk(hundred, 0.95), Is.EqualTo(98).Within(1e-12), "mean of 96..100");
            // Ten trials: the worst 5% is half a trial, the largest value.
            Assert.That(RiskMeasure.ConditionalValueAtRisk([.. Enumerable.Range(1, 10).Select(i => (double)i)], 0.95), Is.EqualTo(10).Within(1e-12));
            // Twenty-two trials: 1.1 trials, the largest whole and a tenth of the next.
            Assert.That(RiskMeasure.ConditionalValueAtRisk([.. Enumerable.Range(1, 22).Select(i => (double)i)], 0.95), Is.EqualTo((22 + 2.1) / 1.1).Within(1e-12));
        }
    }
}
