using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace SupplySim.Model;

/// <summary>Graph queries on the lane graph, with QuikGraph.</summary>
internal static class Reachability
{
    /// <summary>The nodes reachable from any of <paramref name="sources"/> along <paramref name="edges"/> (sources included).</summary>
    public static HashSet<int> FromSources(int nodeCount, IEnumerable<(int From, int To)> edges, IEnumerable<int> sources)
    {
        var graph = new AdjacencyGraph<int, SEdge<int>>();
        graph.AddVertexRange(Enumerable.Range(0, nodeCount));
        graph.AddEdgeRange(edges.Select(e => new SEdge<int>(e.From, e.To)));
        var reached = new HashSet<int>();
        var search = new BreadthFirstSearchAlgorithm<int, SEdge<int>>(graph);
        search.DiscoverVertex += v => reached.Add(v);
        foreach (int source in sources)
        {
            if (!reached.Contains(source))
            {
                search.Compute(source);
            }
        }

        return reached;
    }
}
