using SupplySim.Model;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// The network as a plain graph for drawing: nodes with kind and country, lanes in lane order (the order of
/// <see cref="CompiledNetwork.LaneNames"/>, so per-lane metrics line up by index). Immutable.
/// </summary>
internal sealed record NetworkGraph(string Name, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLane> Lanes)
{
    /// <summary>The graph of <paramref name="network"/>.</summary>
    public static NetworkGraph FromNetwork(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var nodes = new GraphNode[network.NodeCount];
        for (int node = 0; node < nodes.Length; node++)
        {
            nodes[node] = new GraphNode(network.NodeIds[node], network.NodeCountries[node], network.NodeKind[node]);
        }

        int m = network.MaterialCount;
        var carries = new bool[network.LaneCount * m];
        for (int arc = 0; arc < network.ArcCount; arc++)
        {
            int lane = network.ArcLane[arc];
            if (lane < 0)
            {
                continue; // stockpile release arcs have no lane of their own
            }

            carries[(lane * m) + network.ArcMaterial[arc]] = true;
        }

        var lanes = new GraphLane[network.LaneCount];
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            var materials = Enumerable.Range(0, m).Where(material => carries[(lane * m) + material]).Select(material => network.MaterialIds[material]);
            // Lane names are "from->to"; node ids never contain '>' (ids are a-z, 0-9, '-' and '_').
            string name = network.LaneNames[lane];
            int arrow = name.IndexOf("->", StringComparison.Ordinal);
            lanes[lane] = new GraphLane(name[..arrow], name[(arrow + 2)..], [.. materials]);
        }

        return new NetworkGraph(network.Name, nodes, lanes);
    }
}
