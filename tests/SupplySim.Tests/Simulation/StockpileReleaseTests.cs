using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>A reserve releases on the consumer's cover on hand, not on orders stuck in a licence queue.</summary>
[TestFixture]
internal sealed class StockpileReleaseTests
{
    /// <summary>
    /// A factory with 30 days of cover buys from China; from 10 April every shipment waits 60 days for a licence
    /// (always approved), so orders pile up in the queue while stock runs down. A US reserve releases up to 10 t/d,
    /// two days away, when the factory's cover falls below 30 days. The empty reserve is the same file with no stock.
    /// </summary>
    private const string Yaml = """
        name: reserve against a licence queue
        start: 2024-01-01
        horizon: 300d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: cn-plant
            kind: producer
            country: CN
            material: metal
            capacity: 730 t/yr
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {metal: 60 t}
          - id: reserve
            kind: stockpile
            country: US
            initial_inventory: {metal: RESERVE}
            release: {to: [factory], below_cover_days: 30d, rate: 10 t/d, lead_time: 2d}
          - id: factory
            kind: consumer
            country: US
            sector: defense
            demand: {metal: 365 t/yr}
            demand_cv: 0
            days_of_cover: 30d
            initial_inventory: 30d
        lanes:
          - {from: cn-plant, to: factory, lead_time: 5d}
        scenarios:
          - id: licensing
            events:
              - type: export_control
                start: 2024-04-10
                exporter: CN
                materials: [metal]
                destinations: [US]
                mode: license
                processing_time: 60d
                approval_probability: 1.0
        """;

    private static double[] Shortage(string reserve)
    {
        var model = TestModels.Compile(Yaml.Replace("RESERVE", reserve, StringComparison.Ordinal));
        return TestModels.Values(TestModels.Run(model, "licensing", trials: 4, seed: 1), EntityKind.Consumer, "factory", "metal", Metric.ShortageT);
    }

    [Test]
    public void Run_LicenceQueueHoldsTheOrders_ReserveKeepsTheFactorySupplied()
    {
        double[] withoutReserve = Shortage("0 t"), withReserve = Shortage("1000 t");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withoutReserve, Has.All.GreaterThan(10), "the 60-day queue outlasts 30 days of cover");
            Assert.That(withReserve, Has.All.LessThan(1), "the reserve tops up what the queue holds back");
        }
    }
}
