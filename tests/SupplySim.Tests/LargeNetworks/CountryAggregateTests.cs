using NUnit.Framework;
using SupplySim.Bench;
using SupplySim.Reporting.Graph;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.LargeNetworks;

/// <summary>A network too large to draw is drawn by country and role, with every lane's flow in exactly one group lane.</summary>
[TestFixture]
internal sealed class CountryAggregateTests
{
    [Test]
    public void Of_TiledNetwork_OneNodePerCountryAndRole_FlowsSummed()
    {
        string yaml = File.ReadAllText(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var single = NetworkGraph.FromNetwork(TestModels.Compile(yaml).Network);
        var tiled = NetworkGraph.FromNetwork(TestModels.Compile(RegionalCopies.Generate(yaml, 5)).Network);
        double[] baseline = [.. Enumerable.Range(0, tiled.Lanes.Count).Select(l => (double)(l % 7))];
        double[] compared = [.. Enumerable.Range(0, tiled.Lanes.Count).Select(l => (double)(l % 3))];

        var (graph, summedBaseline, summedCompared) = CountryAggregate.Of(tiled, baseline, compared);

        int groups = single.Nodes.Select(n => (n.Kind, n.Country)).Distinct().Count();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tiled.Nodes, Has.Count.GreaterThan(CountryAggregate.MaxDrawnNodes));
            Assert.That(graph.Nodes, Has.Count.EqualTo(groups));
            Assert.That(graph.Nodes.Select(n => n.Id), Is.Unique);
            Assert.That(graph.Nodes.Select(n => n.Id), Has.Some.EqualTo("cn-producers-" + (5 * single.Nodes.Count(n => n.Country == "CN" && n.Kind == SupplySim.Model.NodeKind.Producer))));
            Assert.That(graph.Lanes.Select(l => (l.From, l.To)), Is.Unique);
            Assert.That(summedBaseline!, Has.Length.EqualTo(graph.Lanes.Count));
            Assert.That(summedBaseline!.Sum(), Is.EqualTo(baseline.Sum()));
            Assert.That(summedCompared!.Sum(), Is.EqualTo(compared.Sum()));
            Assert.That(graph.Lanes.Count, Is.LessThanOrEqualTo(single.Lanes.Count));
        }

        string svg = NetworkSvg.Render(graph, summedBaseline, summedCompared, "combined");
        Assert.That(svg, Does.StartWith("<svg"));
    }
}
