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

    /// <summary>
    /// A push producer doubling from 1 to 2 t/d on day 0 over a ramp drawn per trial from 0–360 days. Over 400 days
    /// a ramp of R whole days (R ≥ 1) makes Σₖ₌₁..R (1 + k/R) + 2 (400 − R) = 800.5 − R/2 tonnes.
    /// </summary>
    private const string RampYaml = """
        name: uncertain ramp
        start: 2024-01-01
        horizon: 400d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: plant
            kind: producer
            country: US
            material: metal
            capacity: 365 t/yr
          - id: factory
            kind: consumer
            country: US
            sector: industry
            demand: {metal: 100 t/yr}
            initial_inventory: 30d
        lanes:
          - {from: plant, to: factory, lead_time: 5d}
        scenarios:
          - id: ramp
            events:
              - type: capacity_change
                start: 2024-01-01
                node: plant
                capacity: 730 t/yr
                ramp: {dist: uniform, min: 1d, max: 360d}
        """;

    [Test]
    public void Run_UncertainRamp_EachTrialRampsOverItsOwnDrawnLength()
    {
        var model = TestModels.Compile(RampYaml);
        var options = new MonteCarloOptions(12, 5, 1);
        var produced = MonteCarlo.Run(model, model.Find("ramp")!, options);
        double[] made = TestModels.Values(produced, EntityKind.Producer, "plant", "metal", Metric.ProducedT);
        int rampColumn = TrialParameters.Names(model.Network).ToList().FindIndex(name => name.EndsWith("ramp", StringComparison.Ordinal));
        Assert.That(rampColumn, Is.GreaterThanOrEqualTo(0), "the ramp is an uncertain parameter");
        double[][] parameters = TrialParameters.Values(model.Network, options);
        for (int trial = 0; trial < made.Length; trial++)
        {
            double rampDays = Math.Ceiling(parameters[trial][rampColumn]);
            Assert.That(made[trial], Is.EqualTo(800.5 - (rampDays / 2)).Within(1e-6), $"trial {trial}, ramp {rampDays} d");
        }

        Assert.That(made.Distinct().Count(), Is.GreaterThan(6), "trials draw different ramps");
    }
}
