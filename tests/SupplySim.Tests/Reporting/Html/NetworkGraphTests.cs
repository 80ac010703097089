using System.Xml.Linq;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Reporting.Graph;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>The network as DOT and SVG.</summary>
[TestFixture]
internal sealed class NetworkGraphTests
{
    private static NetworkGraph Shipped() => NetworkGraph.FromNetwork(ReportFixtures.Shipped().Network);

    [Test]
    public void FromNetwork_ShippedScenario_OneLanePerLaneName()
    {
        var model = ReportFixtures.Shipped();
        var graph = NetworkGraph.FromNetwork(model.Network);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(graph.Lanes.Select(l => $"{l.From}->{l.To}"), Is.EqualTo(model.Network.LaneNames));
            Assert.That(graph.Lanes.All(l => l.Materials.Count > 0), Is.True);
            Assert.That(graph.Nodes.Select(n => n.Id), Is.EqualTo(model.Network.NodeIds));
        }
    }

    [Test]
    public void Format_ShippedScenario_ListsEveryLaneAndNode()
    {
        var graph = Shipped();
        string dot = NetworkDot.Format(graph);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dot, Does.StartWith("digraph "));
            Assert.That(dot.TrimEnd(), Does.EndWith("}"));
            foreach (var lane in graph.Lanes)
            {
                Assert.That(dot, Does.Contain($"\"{lane.From}\" -> \"{lane.To}\""));
            }

            Assert.That(dot.Split('\n').Count(line => line.Contains(" -> ", StringComparison.Ordinal)), Is.EqualTo(graph.Lanes.Count));
            foreach (var node in graph.Nodes)
            {
                Assert.That(dot, Does.Contain($"\"{node.Id}\" [label=\"{node.Id}\\n{node.Country} "));
            }
        }
    }

    [Test]
    public void Render_Standalone_IsSvgXmlWithEveryNodeAndLane()
    {
        var graph = Shipped();
        var svg = XDocument.Parse(NetworkSvg.Render(graph));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var titles = svg.Descendants(ns + "title").Select(t => t.Value).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));
            Assert.That(svg.Descendants(ns + "path").Count(), Is.EqualTo(graph.Lanes.Count));
            Assert.That(svg.Descendants(ns + "rect").Count(), Is.EqualTo(graph.Nodes.Count + 1));
            Assert.That(graph.Nodes.All(n => titles.Any(t => t.StartsWith(n.Id + ":", StringComparison.Ordinal))), Is.True);
            Assert.That(new[] { "Producers", "Transshippers", "Stockpiles", "Consumers" }.All(h => svg.Root.Value.Contains(h, StringComparison.Ordinal)), Is.True);
        }
    }

    [Test]
    public void Render_LayeredLayout_ColumnsFollowNodeKind()
    {
        var graph = Shipped();
        var layout = NetworkLayout.Compute(graph);
        for (int a = 0; a < graph.Nodes.Count; a++)
        {
            for (int b = 0; b < graph.Nodes.Count; b++)
            {
                if (graph.Nodes[a].Kind < graph.Nodes[b].Kind)
                {
                    Assert.That(layout.X[a], Is.LessThan(layout.X[b]), $"{graph.Nodes[a].Id} before {graph.Nodes[b].Id}");
                }
            }
        }

        Assert.That(graph.Nodes.Select((n, i) => (layout.X[i], layout.Y[i])).Distinct().Count(), Is.EqualTo(graph.Nodes.Count));
    }

    [Test]
    public void Render_WithFlows_ColoursALostLaneRed()
    {
        var graph = new NetworkGraph("two", [new GraphNode("a", "CN", NodeKind.Producer), new GraphNode("b", "US", NodeKind.Consumer)],
            [new GraphLane("a", "b", ["sb"])]);
        string svg = NetworkSvg.Render(graph, [100.0], [10.0], "ban", standalone: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg, Does.Contain("stroke=\"#b2182b\" stroke-width=\"10\""));
            Assert.That(svg, Does.Contain("baseline 100 t, ban 10 t, change -90 t"));
            Assert.That(svg, Does.Not.Contain("xmlns"));
        }
    }
}
