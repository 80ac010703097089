using SupplySim.Model;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// A network too large to draw node by node, drawn as one node per country and role (all of a country's producers,
/// all its transshippers...) and one lane per pair of such groups, with the member lanes' flows summed. A planner
/// reads where material moves between countries; the per-lane numbers stay in the run's files.
/// </summary>
internal static class CountryAggregate
{
    /// <summary>More nodes than this are drawn aggregated by country (the shipped file has 23).</summary>
    public const int MaxDrawnNodes = 80;

    /// <summary>
    /// The aggregated graph of <paramref name="graph"/> and, given per-lane flows (graph lane order), the summed flow of
    /// each aggregated lane. Groups are ordered by role, then country; lanes by first appearance.
    /// </summary>
    public static (NetworkGraph Graph, double[]? Baseline, double[]? Compared) Of(NetworkGraph graph,
        IReadOnlyList<double>? baseline = null, IReadOnlyList<double>? compared = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var groupOf = new Dictionary<string, (NodeKind Kind, string Country)>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            groupOf[node.Id] = (node.Kind, node.Country);
        }

        var groups = graph.Nodes.GroupBy(node => (node.Kind, node.Country)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new GraphNode(GroupId(g.Key.Kind, g.Key.Country, g.Count()), g.Key.Country, g.Key.Kind));
        var lanes = new List<(string From, string To, SortedSet<int> Materials)>();
        var laneIndex = new Dictionary<(string, string), int>();
        var materialOrder = graph.Lanes.SelectMany(lane => lane.Materials).Distinct().ToList();
        double[]? summedBaseline = baseline is null ? null : new double[graph.Lanes.Count];
        double[]? summedCompared = compared is null ? null : new double[graph.Lanes.Count];
        for (int l = 0; l < graph.Lanes.Count; l++)
        {
            var lane = graph.Lanes[l];
            string from = groups[groupOf[lane.From]].Id, to = groups[groupOf[lane.To]].Id;
            if (!laneIndex.TryGetValue((from, to), out int at))
            {
                at = lanes.Count;
                laneIndex[(from, to)] = at;
                lanes.Add((from, to, []));
            }

            foreach (string material in lane.Materials)
            {
                lanes[at].Materials.Add(materialOrder.IndexOf(material));
            }

            summedBaseline?[at] += baseline![l];
            summedCompared?[at] += compared![l];
        }

        var aggregated = new NetworkGraph($"{graph.Name} (by country)", [.. groups.Values],
            [.. lanes.Select(lane => new GraphLane(lane.From, lane.To, [.. lane.Materials.Select(i => materialOrder[i])]))]);
        return (aggregated, summedBaseline?[..lanes.Count], summedCompared?[..lanes.Count]);
    }

    private static string GroupId(NodeKind kind, string country, int members) =>
        $"{country.ToLowerInvariant()}-{kind.ToString().ToLowerInvariant()}s-{members}";
}
