using System.Globalization;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>The market layer against closed forms and its own accounting.</summary>
[TestFixture]
internal sealed class MarketTests
{
    /// <summary>
    /// One buyer, one supplier, no noise: <c>supply</c> t/d of supply after a cut on day 60 against 10 t/d of demand
    /// with elasticity ε, price starting at 12,000 USD/t, at most e^κ times that (κ = <paramref name="sensitivity"/>).
    /// The two-year run ends near the equilibrium.
    /// </summary>
    private static string OneMarket(double supplyFraction, double elasticity, double sensitivity = 3) => $$"""
        name: one market
        start: 2024-01-01
        horizon: 730d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: AU
            material: sb
            capacity: 10 t/d
          - id: user
            kind: consumer
            country: US
            sector: industry
            demand: {sb: 10 t/d}
            demand_cv: 0
            unmet: lost_sales
            days_of_cover: 30d
            initial_inventory: 30d
        lanes:
          - from: mine
            to: user
            lead_time: 5d
        markets:
          - material: sb
            exporter: CN
            start_price: {inside: 10000 USD/t, outside: 12000 USD/t}
            scarcity_sensitivity: {{Invariant(sensitivity)}}
            adjustment_time: 20d
            demand_elasticity: {"*": {{Invariant(elasticity)}}}
            supply_response: []
        scenarios:
          - id: cut
            events:
              - type: capacity_change
                start: 2024-03-01
                node: mine
                multiplier: {{Invariant(supplyFraction)}}
        """;

    [TestCase(0.8, -0.5)]
    [TestCase(0.6, -0.3)]
    [TestCase(0.9, -1.2)]
    public void Run_SupplyCutByKnownFraction_PriceSettlesAtConstantElasticityEquilibrium(double supplyFraction, double elasticity)
    {
        // Demand D0 (P/P0)^ε meets supply f·D0 where P/P0 = f^(1/ε); the inventory gap then holds the price there.
        var model = TestModels.Compile(OneMarket(supplyFraction, elasticity));
        var result = TestModels.Run(model, "cut", trials: 8, seed: 3);
        double expected = 12000 * Math.Pow(supplyFraction, 1 / elasticity);
        var end = TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.PriceEndUsdT);
        Assert.That(end, Is.All.EqualTo(expected).Within(0.5).Percent);
    }

    [TestCase(0.6, -0.5, 0.2)]
    [TestCase(0.5, -0.8, 0.3)]
    public void Run_SupplyResponseAddsShareOfCapacity_PriceSettlesWhereDemandMeetsTheLargerSupply(double supplyFraction, double elasticity, double ceiling)
    {
        // The tranche starts after 30 d above 1.1× the start and ramps over 60 d to ceiling × the mine's base capacity:
        // supply (f + c)·D0, so P/P0 = (f + c)^(1/ε), still above the threshold.
        string yaml = OneMarket(supplyFraction, elasticity).Replace("supply_response: []",
            $"supply_response: [{{threshold: 1.1, lag: 30d, ramp: 60d, ceiling: {Invariant(ceiling)}}}]", StringComparison.Ordinal);
        var result = TestModels.Run(TestModels.Compile(yaml), "cut", trials: 4, seed: 3);
        double expected = 12000 * Math.Pow(supplyFraction + ceiling, 1 / elasticity);
        var added = TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.AddedCapacityT);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.PriceEndUsdT), Is.All.EqualTo(expected).Within(0.5).Percent);
            // At most the full tranche on every day after the cut; at least the full tranche after lag and ramp.
            Assert.That(added, Is.All.InRange(ceiling * 10 * (670 - 90), ceiling * 10 * 670));
        }
    }

    [Test]
    public void Run_SupplyResponseThresholdNeverReached_SameRowsAsWithoutIt()
    {
        var without = TestModels.Run(TestModels.Compile(OneMarket(0.8, -0.5)), "cut", trials: 4, seed: 3);
        string yaml = OneMarket(0.8, -0.5).Replace("supply_response: []",
            "supply_response: [{threshold: 100, lag: 0d, ramp: 0d, ceiling: 1}]", StringComparison.Ordinal);
        var with = TestModels.Run(TestModels.Compile(yaml), "cut", trials: 4, seed: 3);
        for (int c = 0; c < without.Layout.Width; c++)
        {
            Assert.That(with.Column(c).ToArray(), Is.EqualTo(without.Column(c).ToArray()), MetricNames.Of(without.Layout.Columns[c].Metric));
        }
    }

    [Test]
    public void Run_EquilibriumAboveTheCeiling_PriceStopsAtStartTimesEToKappaAndShortageRemains()
    {
        // f = 0.6, ε = -0.3 needs P/P0 ≈ 5.5, but with κ = 1 an empty market prices at e ≈ 2.7 times the start at most
        // (a little under: the day's arrivals are on hand when the price is set, so the gap stays just below 1).
        var result = TestModels.Run(TestModels.Compile(OneMarket(0.6, -0.3, sensitivity: 1)), "cut", trials: 2, seed: 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.PricePeakUsdT), Is.All.LessThanOrEqualTo(12000 * Math.E));
            Assert.That(TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.PriceEndUsdT), Is.All.GreaterThan(12000 * Math.E * 0.97));
            Assert.That(TestModels.Values(result, EntityKind.Consumer, "user", "sb", Metric.ShortageT), Is.All.GreaterThan(100));
        }
    }

    [Test]
    public void Run_BuyersOnlyOutsideTheExporter_InsidePriceNeverMoves()
    {
        var result = TestModels.Run(TestModels.Compile(OneMarket(0.8, -0.5)), "cut", trials: 4, seed: 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(result, EntityKind.Market, "inside-CN", "sb", Metric.PriceEndUsdT), Is.All.EqualTo(10000));
            Assert.That(TestModels.Values(result, EntityKind.Market, "inside-CN", "sb", Metric.DemandForegoneT), Is.All.EqualTo(0));
        }
    }

    [Test]
    public void Run_PriceResponse_ForegonePlusDemandIsTheDemandBeforeThePrice()
    {
        // No noise: the demand before the price is 10 t/d × 730 d. What the consumer still demanded is met or short.
        var result = TestModels.Run(TestModels.Compile(OneMarket(0.6, -0.3)), "cut", trials: 4, seed: 9);
        var demand = TestModels.Values(result, EntityKind.Consumer, "user", "sb", Metric.DemandT);
        var foregone = TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.DemandForegoneT);
        var sectorForegone = TestModels.Values(result, EntityKind.SectorDemandResponse, "industry", "sb", Metric.DemandForegoneT);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(foregone, Is.All.GreaterThan(1000), "the cut must make buyers give up demand");
            for (int trial = 0; trial < demand.Length; trial++)
            {
                Assert.That(demand[trial] + foregone[trial], Is.EqualTo(10 * 730.0).Within(1e-6));
                Assert.That(sectorForegone[trial], Is.EqualTo(foregone[trial]).Within(1e-9));
            }
        }
    }

    [Test]
    public void Run_PriceDoublesForLong_DaysAboveTwiceStartCounted()
    {
        // f = 0.6, ε = -0.3: P/P0 = 0.6^(-1/0.3) ≈ 5.5, so the price passes 2× early and stays there.
        var result = TestModels.Run(TestModels.Compile(OneMarket(0.6, -0.3)), "cut", trials: 2, seed: 1);
        var days = TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.DaysAbove2xStart);
        var peak = TestModels.Values(result, EntityKind.Market, "outside-CN", "sb", Metric.PricePeakUsdT);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(days, Is.All.InRange(400.0, 670.0));
            Assert.That(peak, Is.All.GreaterThan(2 * 12000.0));
        }
    }

    [Test]
    public void Run_ZeroElasticitySector_GivesUpNothingAndStaysShort()
    {
        // Defense at ε = 0 keeps demanding; the industrial buyer beside it gives up demand to the same price.
        // The mine makes to stock and serves orders, so each buyer gets what it orders (a push would split by share).
        string yaml = OneMarket(0.6, -0.3)
            .Replace("""demand_elasticity: {"*": -0.3}""", """demand_elasticity: {"*": -0.3, defense: 0}""", StringComparison.Ordinal)
            .Replace("""
                    capacity: 10 t/d
                """, """
                    capacity: 10 t/d
                    policy: order_up_to
                    days_of_cover: 5d
                """, StringComparison.Ordinal)
            .Replace("""
                  - id: user
                """, """
                  - id: prime
                    kind: consumer
                    country: US
                    sector: defense
                    demand: {sb: 2 t/d}
                    demand_cv: 0
                    unmet: lost_sales
                    days_of_cover: 30d
                    initial_inventory: 30d
                  - id: user
                """, StringComparison.Ordinal)
            .Replace("""
                  - from: mine
                    to: user
                """, """
                  - from: mine
                    to: prime
                    lead_time: 5d
                  - from: mine
                    to: user
                """, StringComparison.Ordinal);
        var result = TestModels.Run(TestModels.Compile(yaml), "cut", trials: 2, seed: 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(result, EntityKind.SectorDemandResponse, "defense", "sb", Metric.DemandForegoneT), Is.All.EqualTo(0));
            Assert.That(TestModels.Values(result, EntityKind.Consumer, "prime", "sb", Metric.DemandT), Is.All.EqualTo(2 * 730.0).Within(1e-6));
            Assert.That(TestModels.Values(result, EntityKind.SectorDemandResponse, "industry", "sb", Metric.DemandForegoneT), Is.All.GreaterThan(100));
        }
    }

    [Test]
    public void Run_SmugglingElasticity_TransshipperForwardsMoreAsTheOutsidePriceRises()
    {
        // Same draws with η = 0 (no response) and η = 1.5: the extraterritorial ban lifts the outside price, so
        // Thailand's leak fraction (and capacity) grow with it and more Chinese material reaches the US through it,
        // even after the crackdown lowers the base leak fraction.
        string Yaml(double eta) => Reference.ReferenceNetworks.Smuggling.Replace("smuggling_elasticity: {dist: uniform, min: 0.5, max: 2}",
            $"smuggling_elasticity: {Invariant(eta)}", StringComparison.Ordinal);
        var flat = TestModels.Run(TestModels.Compile(Yaml(0)), "extraterritorial-ban", trials: 8, seed: 4);
        var responsive = TestModels.Run(TestModels.Compile(Yaml(1.5)), "extraterritorial-ban", trials: 8, seed: 4);
        var before = TestModels.Values(flat, EntityKind.Lane, "th->us", "*", Metric.ShippedT);
        var after = TestModels.Values(responsive, EntityKind.Lane, "th->us", "*", Metric.ShippedT);
        Assert.That(after.Sum(), Is.GreaterThan(before.Sum() * 1.05), $"without response {before.Sum():F0} t");
    }

    [Test]
    public void Run_ZeroSmugglingElasticity_SameRowsAsWithoutTheKey()
    {
        string with = Reference.ReferenceNetworks.Smuggling.Replace("smuggling_elasticity: {dist: uniform, min: 0.5, max: 2}",
            "smuggling_elasticity: 0", StringComparison.Ordinal);
        string without = Reference.ReferenceNetworks.Smuggling.Replace("    smuggling_elasticity: {dist: uniform, min: 0.5, max: 2}\n",
            "", StringComparison.Ordinal);
        Assert.That(without, Does.Not.Contain("smuggling_elasticity"));
        var a = TestModels.Run(TestModels.Compile(with), "extraterritorial-ban", trials: 4, seed: 2);
        var b = TestModels.Run(TestModels.Compile(without), "extraterritorial-ban", trials: 4, seed: 2);
        for (int c = 0; c < a.Layout.Width; c++)
        {
            Assert.That(a.Column(c).ToArray(), Is.EqualTo(b.Column(c).ToArray()), MetricNames.Of(a.Layout.Columns[c].Metric));
        }
    }

    [Test]
    public void Run_MonthlyPrices_MeanOfTheMonthsDailyPricesAtEveryWidth()
    {
        // Inside: no buyer, so the start price every month. Outside: the last month sits at the equilibrium price,
        // and every width records the same bits.
        var model = TestModels.Compile(OneMarket(0.8, -0.5));
        var scenario = model.Find("cut")!;
        double expected = 12000 * Math.Pow(0.8, 1 / -0.5);
        int last = model.Network.MonthCount - 1;
        ScenarioResult? first = null;
        foreach (int lanes in KernelWidth.All)
        {
            var result = MonteCarlo.Run(model, scenario, new MonteCarloOptions(Trials: 8, Seed: 5, RecordMonthlyLaneFlows: true) { Lanes = lanes });
            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.MonthlyMarketPrice(0, 3).ToArray(), Is.All.EqualTo(10000));
                Assert.That(result.MonthlyMarketPrice(1, last).ToArray(), Is.All.EqualTo(expected).Within(0.5).Percent);
                if (first is not null)
                {
                    Assert.That(result.MonthlyMarketPrice(1, 6).ToArray(), Is.EqualTo(first.MonthlyMarketPrice(1, 6).ToArray()), $"{lanes} lanes");
                }
            }

            first ??= result;
        }
    }

    [Test]
    public void Layout_FileWithoutMarkets_HasNoMarketColumns()
    {
        var model = TestModels.Compile(TestModels.Chain);
        var layout = new MetricLayout(model.Network, model.Find("ban")!);
        Assert.That(layout.Columns.Where(c => c.Kind is EntityKind.Market or EntityKind.SectorDemandResponse), Is.Empty);
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
