using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>A supplier wholly out closes its lanes, so its buyers reroute as they do around a lane outage.</summary>
[TestFixture]
internal sealed class NodeOutageTests
{
    /// <summary>
    /// A factory (1 t/d, 20 days of cover) buys half from each of two plants with capacity to spare; plant A (or its
    /// lane) is surely out for 90 days from 1 March.
    /// </summary>
    private const string Yaml = """
        name: node outage
        start: 2024-01-01
        horizon: 200d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: plant-a
            kind: producer
            country: AU
            material: metal
            capacity: 730 t/yr
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {metal: 0 t}
          - id: plant-b
            kind: producer
            country: CA
            material: metal
            capacity: 730 t/yr
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {metal: 0 t}
          - id: factory
            kind: consumer
            country: US
            sector: defense
            demand: {metal: 365 t/yr}
            demand_cv: 0
            days_of_cover: 20d
            initial_inventory: 20d
        lanes:
          - {from: plant-a, to: factory, lead_time: 5d, share: 0.5}
          - {from: plant-b, to: factory, lead_time: 5d, share: 0.5}
        scenarios:
          - id: plant-a-out
            events:
              - {type: disruption, start: 2024-03-01, end: 2024-03-02, node: plant-a, rate_per_year: 365, duration: 90d}
          - id: lane-a-out
            events:
              - {type: disruption, start: 2024-03-01, end: 2024-03-02, lane: plant-a->factory, rate_per_year: 365, duration: 90d}
        """;

    [TestCase("plant-a-out")]
    [TestCase("lane-a-out")]
    public void Run_SupplierWhollyOut_BuyerReroutesToTheOtherPlant(string scenario)
    {
        var model = TestModels.Compile(Yaml);
        var baseline = TestModels.Run(model, "baseline", trials: 2, seed: 1);
        var result = TestModels.Run(model, scenario, trials: 2, seed: 1);
        double[] ViaB(ScenarioResult r) => TestModels.Values(r, EntityKind.Lane, "plant-b->factory", "*", Metric.ShippedT);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(result, EntityKind.Consumer, "factory", "metal", Metric.ShortageT), Has.All.LessThan(1e-6));
            Assert.That(ViaB(result)[0], Is.GreaterThan(ViaB(baseline)[0] + 30), "plant B ships what A cannot");
        }
    }
}
