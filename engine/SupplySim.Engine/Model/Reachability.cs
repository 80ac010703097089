using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace SupplySim.Model;

/// <summary>Graph queries on the lane graph, with QuikGraph.</summary>
internal static class Reachability
{
    /// <summary>The nodes reachable from any of <paramref name="sources"/> along <paramref name="edges"/> (sources included).</summary>
    public static HashSet<int> FromSources(int nodeCount, IEnumerable<(int From, int To)> edges, IEnumerable<int> sources)
    {
        // One search from a virtual root linked to every source: a search per source starts afresh each time (every
        // vertex white again), which made the check quadratic on networks of thousands of producers.
        int root = nodeCount;
        var graph = new AdjacencyGraph<int, SEdge<int>>();
        graph.AddVertexRange(Enumerable.Range(0, nodeCount + 1));
        graph.AddEdgeRange(edges.Select(e => new SEdge<int>(e.From, e.To)));
        graph.AddEdgeRange(sources.Select(source => new SEdge<int>(root, source)));
        var reached = new HashSet<int>();
        var search = new BreadthFirstSearchAlgorithm<int, SEdge<int>>(graph);
        search.DiscoverVertex += v => reached.Add(v);
        search.Compute(root);
        reached.Remove(root);
        return reached;
    }
}
