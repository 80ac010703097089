using NUnit.Framework;
using SupplySim.Bench;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.LargeNetworks;

/// <summary>A network tiled from copies of the shipped one (as the scaling tables use) still conserves every material.</summary>
[TestFixture]
internal sealed class TiledNetworkTests
{
    [Test]
    public void Run_ThreeRegionalCopies_ConservesEveryMaterialInEveryScenarioAndTrial()
    {
        string yaml = File.ReadAllText(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var single = TestModels.Compile(yaml);
        var model = TestModels.Compile(RegionalCopies.Generate(yaml, 3));
        var network = model.Network;
        Assert.That(network.LaneCount, Is.EqualTo(3 * single.Network.LaneCount));
        Assert.That(model.Scenarios.Select(s => s.Id), Is.EqualTo(single.Scenarios.Select(s => s.Id)));
        foreach (var scenario in model.Scenarios)
        {
            var layout = new MetricLayout(network, scenario);
            var kernel = KernelWidth.CreateKernel(4, network, scenario, layout);
            kernel.Run(11, 0, new double[kernel.Width * layout.Width]);
            for (int trial = 0; trial < kernel.Width; trial++)
            {
                for (int m = 0; m < network.MaterialCount; m++)
                {
                    Assert.That(Math.Abs(kernel.MassResidual(m, trial)), Is.LessThan(1e-9 * kernel.MassScale(m, trial)),
                        $"{scenario.Id}, material {network.MaterialIds[m]}, trial {trial}");
                }
            }
        }
    }
}
