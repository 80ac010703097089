using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>A plant whose capacity a scenario raises orders the inputs for it: the new capacity produces.</summary>
[TestFixture]
internal sealed class CapacityChangeTests
{
    /// <summary>
    /// A mine that makes to stock, a plant at half the user's demand keeping one day of output in stock, and a scenario
    /// that doubles the plant on day 100. The plant makes to a stock target of one day of its capacity: planned on the
    /// capacity of the file, the target would hold it at half the demand after the expansion too.
    /// </summary>
    private const string Yaml = """
        name: expansion
        start: 2024-01-01
        horizon: 365d
        seed: 3
        materials:
          - id: ore
          - id: metal
        nodes:
          - id: mine
            kind: producer
            country: AU
            material: ore
            capacity: 7300 t/yr
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {ore: 200 t}
          - id: plant
            kind: processor
            country: US
            recipe:
              output: metal
              inputs: {ore: 1.0}
            capacity: 1825 t/yr
            policy: order_up_to
            days_of_cover: 1d
            initial_inventory: {ore: 50 t, metal: 50 t}
          - id: user
            kind: consumer
            country: US
            sector: industry
            demand: {metal: 3650 t/yr}
            demand_cv: 0
            unmet: lost_sales
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: 0d
        lanes:
          - {from: mine, to: plant, lead_time: 2d}
          - {from: plant, to: user, lead_time: 2d}
        scenarios:
          - id: expand
            events:
              - type: capacity_change
                start: 2024-04-10
                node: plant
                capacity: 3650 t/yr
        """;

    [Test]
    public void Run_ProcessorCapacityDoubledOnDay100_ProducesForTheDemandFromThen()
    {
        var model = TestModels.Compile(Yaml);
        double Shortage(string scenario) => TestModels.Values(TestModels.Run(model, scenario, trials: 2, seed: 1), EntityKind.Consumer, "user", "metal", Metric.ShortageT)[0];
        double baseline = Shortage("baseline"), expanded = Shortage("expand");
        using (Assert.EnterMultipleScope())
        {
            // Half the 10 t/d demand goes short all year without the expansion ...
            Assert.That(baseline, Is.EqualTo(365 * 5.0).Within(150));
            // ... and for the first 100 days, plus the days the plant's input pipeline takes to fill, with it.
            Assert.That(expanded, Is.EqualTo(100 * 5.0).Within(100));
        }
    }
}
