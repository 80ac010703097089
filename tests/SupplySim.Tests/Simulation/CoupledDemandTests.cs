using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>A coupled consumer's demand is units of its bill of materials: one draw a day scales every material.</summary>
[TestFixture]
internal sealed class CoupledDemandTests
{
    /// <summary>Two parts NdPr to one part Dy, noisy demand, ample stock of both.</summary>
    private const string Yaml = """
        name: coupled demand
        start: 2024-01-01
        horizon: 100d
        seed: 7
        materials:
          - id: ndpr
          - id: dy
        nodes:
          - id: ndpr-mine
            kind: producer
            country: AU
            material: ndpr
            capacity: 1000 t/yr
          - id: dy-mine
            kind: producer
            country: AU
            material: dy
            capacity: 1000 t/yr
          - id: maker
            kind: consumer
            country: US
            sector: defense
            coupled: COUPLED
            demand: {ndpr: 365 t/yr, dy: 182.5 t/yr}
            demand_cv: 0.3
            initial_inventory: {ndpr: 1000 t, dy: 1000 t}
        lanes:
          - {from: ndpr-mine, to: maker, lead_time: 5d}
          - {from: dy-mine, to: maker, lead_time: 5d}
        """;

    private static (double[] NdPr, double[] Dy) Demand(bool coupled)
    {
        var model = TestModels.Compile(Yaml.Replace("COUPLED", coupled ? "true" : "false", StringComparison.Ordinal));
        var result = TestModels.Run(model, "baseline", trials: 6, seed: 4);
        return (TestModels.Values(result, EntityKind.Consumer, "maker", "ndpr", Metric.DemandT),
                TestModels.Values(result, EntityKind.Consumer, "maker", "dy", Metric.DemandT));
    }

    [Test]
    public void Run_CoupledConsumer_EveryMaterialFollowsOneDrawOfUnits()
    {
        var (ndpr, dy) = Demand(coupled: true);
        Assert.That(ndpr, Is.EqualTo(dy.Select(d => 2 * d).ToArray()).Within(1e-9), "demand in the bill's 2:1 ratio in every trial");
    }

    [Test]
    public void Run_UncoupledConsumer_DrawsEachMaterialOnItsOwn()
    {
        var (ndpr, dy) = Demand(coupled: false);
        Assert.That(ndpr.Zip(dy, (n, d) => Math.Abs(n - (2 * d))).Max(), Is.GreaterThan(1), "independent noise per material");
    }
}
