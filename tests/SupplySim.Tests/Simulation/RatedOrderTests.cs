using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Rated orders: a defense programme buys through sub-tier makers; a supplier sees only the maker's order, so it
/// serves it first only if the order is rated, otherwise at the maker's own priority.
/// </summary>
[TestFixture]
internal sealed class RatedOrderTests
{
    /// <summary>
    /// A mine of 6 t/d serves two sub-tier makers (4 t/d of input each, one <paramref name="rated"/>, the other at
    /// priority 5) and an industrial buyer at priority 3 (4 t/d): 12 t/d wanted. Each maker feeds a defense prime.
    /// </summary>
    internal static string Network(bool rated) => $$$"""
        name: rated orders
        start: 2024-01-01
        horizon: 365d
        materials:
          - id: sb
          - id: parts-a
          - id: parts-b
        nodes:
          - id: mine
            kind: producer
            country: US
            material: sb
            capacity: 6 t/d
            policy: order_up_to
            days_of_cover: 5d
            initial_inventory: {sb: 30 t}
          - id: maker-a
            kind: processor
            country: US
            recipe: {output: parts-a, inputs: {sb: 1.0}}
            capacity: 4 t/d
            days_of_cover: 10d
            rated: {{{(rated ? "true" : "false")}}}
            initial_inventory: {sb: 40 t}
          - id: maker-b
            kind: processor
            country: US
            recipe: {output: parts-b, inputs: {sb: 1.0}}
            capacity: 4 t/d
            days_of_cover: 10d
            initial_inventory: {sb: 40 t}
          - id: prime-a
            kind: consumer
            country: US
            sector: defense
            priority: 1
            demand: {parts-a: 4 t/d}
            demand_cv: 0
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
          - id: prime-b
            kind: consumer
            country: US
            sector: defense
            priority: 1
            demand: {parts-b: 4 t/d}
            demand_cv: 0
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
          - id: industry
            kind: consumer
            country: US
            sector: industrial
            priority: 3
            demand: {sb: 4 t/d}
            demand_cv: 0
            unmet: lost_sales
            days_of_cover: 10d
            initial_inventory: 10d
        lanes:
          - {from: mine, to: maker-a, lead_time: 2d}
          - {from: mine, to: maker-b, lead_time: 2d}
          - {from: mine, to: industry, lead_time: 2d}
          - {from: maker-a, to: prime-a, lead_time: 2d}
          - {from: maker-b, to: prime-b, lead_time: 2d}
        """;

    private static double ShortageFraction(ScenarioResult result, string consumer, string material) =>
        TestModels.Values(result, EntityKind.Consumer, consumer, material, Metric.ShortageFraction).Average();

    [Test]
    public void Run_ScarceSupply_RatedSubTierServedFirstAndUnratedLast()
    {
        var result = TestModels.Run(TestModels.Compile(Network(rated: true)), "baseline", trials: 2, seed: 1);
        double rated = ShortageFraction(result, "prime-a", "parts-a"), unrated = ShortageFraction(result, "prime-b", "parts-b");
        double industry = ShortageFraction(result, "industry", "sb");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rated, Is.LessThan(0.02), "the rated maker's orders come first, so its prime is served");
            Assert.That(unrated, Is.GreaterThan(industry), "the unrated maker's priority 5 comes after industry's 3, though it serves defense");
            Assert.That(unrated, Is.GreaterThan(0.5));
        }
    }

    [Test]
    public void Run_SameMakerUnrated_ItsDefensePrimeRunsShort()
    {
        var result = TestModels.Run(TestModels.Compile(Network(rated: false)), "baseline", trials: 2, seed: 1);
        Assert.That(ShortageFraction(result, "prime-a", "parts-a"), Is.GreaterThan(0.3));
    }
}
