using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>A disruption's window bounds when outages start, not how long they last.</summary>
[TestFixture]
internal sealed class OutageDurationTests
{
    /// <summary>
    /// An outage of the only supplier surely starts on 1 March (365 arrivals a year on daily steps) and lasts 90 days;
    /// the factory holds 10 days of cover, so it is short for about 80 days of it. Only the window's end differs.
    /// </summary>
    private const string Yaml = """
        name: outage past its window
        start: 2024-01-01
        horizon: 300d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: plant
            kind: producer
            country: AU
            material: metal
            capacity: 730 t/yr
            policy: order_up_to
            days_of_cover: 1d
          - id: factory
            kind: consumer
            country: US
            sector: defense
            demand: {metal: 365 t/yr}
            demand_cv: 0
            days_of_cover: 10d
            initial_inventory: 10d
        lanes:
          - {from: plant, to: factory, lead_time: 5d}
        scenarios:
          - id: one-day-window
            events:
              - {type: disruption, start: 2024-03-01, end: 2024-03-02, node: plant, rate_per_year: 365, duration: 90d}
          - id: ninety-day-window
            events:
              - {type: disruption, start: 2024-03-01, end: 2024-05-30, node: plant, rate_per_year: 365, duration: 90d}
        """;

    [Test]
    public void Run_OutageStartedInAShortWindow_RunsItsWholeDuration()
    {
        var model = TestModels.Compile(Yaml);
        double[] Shortage(string scenario) =>
            TestModels.Values(TestModels.Run(model, scenario, trials: 4, seed: 2), EntityKind.Consumer, "factory", "metal", Metric.ShortageT);
        double[] oneDay = Shortage("one-day-window"), ninetyDays = Shortage("ninety-day-window");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(oneDay, Has.All.GreaterThan(60), "a 90-day outage against 10 days of cover");
            Assert.That(oneDay, Is.EqualTo(ninetyDays), "the same outage, whatever the window after its start");
        }
    }
}
