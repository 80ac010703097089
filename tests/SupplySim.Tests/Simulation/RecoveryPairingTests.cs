using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Time to recover pairs with the baseline: a scenario that changes nothing recovers exactly as the baseline does,
/// even when the run is already short on the day of its first event.
/// </summary>
[TestFixture]
internal sealed class RecoveryPairingTests
{
    /// <summary>
    /// Ten days of cover and a 20-day lead time: the factory is short from day 10 until its first order lands on day
    /// 20. The scenario's only event, on day 15 in the middle of that shortage, multiplies demand by 1.
    /// </summary>
    private const string Yaml = """
        name: recovery pairing
        start: 2024-01-01
        horizon: 100d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: plant
            kind: producer
            country: US
            material: metal
            capacity: 730 t/yr
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {metal: 60 t}
          - id: factory
            kind: consumer
            country: US
            sector: defense
            demand: {metal: 365 t/yr}
            days_of_cover: 30d
            initial_inventory: 10d
        lanes:
          - {from: plant, to: factory, lead_time: 20d}
        scenarios:
          - id: no-op
            events:
              - type: demand_shock
                start: 2024-01-16
                node: factory
                multiplier: 1.0
        """;

    [TestCase(EntityKind.Consumer, "factory")]
    [TestCase(EntityKind.Sector, "defense")]
    public void Run_NoOpScenarioDuringABaselineShortage_RecoversAsTheBaselineDoes(EntityKind kind, string entity)
    {
        var model = TestModels.Compile(Yaml);
        double[] Recovery(string scenario) =>
            TestModels.Values(TestModels.Run(model, scenario, trials: 8, seed: 3), kind, entity, "metal", Metric.TimeToRecoverDays);
        double[] baseline = Recovery("baseline"), noOp = Recovery("no-op");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(baseline, Has.All.GreaterThan(0), "the baseline falls short before day 15");
            Assert.That(noOp, Is.EqualTo(baseline), "a scenario that changes nothing recovers as the baseline, trial by trial");
        }
    }
}
