using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Model;

/// <summary>The pipeline keeps cells only for the origins an arc can carry: its supplier's own and what reaches the supplier.</summary>
public sealed class PipelineLayoutTests
{
    [Test]
    public void ShippedNetwork_MakersShipTheirOwnOrigin_TransshippersPassOnWhatReachesThem()
    {
        var network = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml")).Network;
        var pipeline = network.Pipeline;
        int o = network.OriginCount;
        int cells = 0;
        for (int a = 0; a < network.ArcCount; a++)
        {
            int from = network.ArcFrom[a];
            var carried = pipeline.Origins[pipeline.OriginStart[a]..pipeline.OriginStart[a + 1]];
            Assert.That(carried, Does.Contain(network.NodeOrigin[from]), $"arc {a} carries its supplier's own origin");
            Assert.That(carried, Is.Ordered.Ascending.And.Unique);
            if (network.NodeKind[from] is NodeKind.Producer or NodeKind.Processor)
            {
                Assert.That(carried, Is.EqualTo(new[] { network.NodeOrigin[from] }), $"arc {a} from {network.NodeIds[from]}");
            }

            for (int origin = 0; origin < o; origin++)
            {
                int slot = pipeline.Slot[(a * o) + origin];
                Assert.That(slot >= 0 ? carried[slot] : -1, Is.EqualTo(carried.Contains(origin) ? origin : -1));
            }

            cells += network.ArcPipeLength[a] * carried.Length;
            Assert.That(pipeline.Cell[a + 1], Is.EqualTo(cells));
        }

        var transshipperArcs = Enumerable.Range(0, network.ArcCount).Where(a => network.NodeKind[network.ArcFrom[a]] == NodeKind.Transshipper).ToList();
        Assert.That(transshipperArcs.Any(a => pipeline.Width(a) > 1), "re-exporters pass on the controlled origin as well as their own");
        Assert.That(cells, Is.LessThan(network.ArcPipeLength.Sum() * o), "fewer cells than one per origin class on every arc");
    }
}
