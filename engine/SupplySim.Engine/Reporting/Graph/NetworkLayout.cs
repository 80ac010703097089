using SupplySim.Model;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// Layered left-to-right layout: one column per node kind present (producers, processors, transshippers,
/// stockpiles, consumers). Rows start in (country, id) order, then one forward and one backward barycentre sweep
/// reduce lane crossings (Sugiyama et al. 1981). Deterministic: ties keep the previous order.
/// </summary>
internal sealed class NetworkLayout
{
    public const double NodeWidth = 150, NodeHeight = 36, ColumnGap = 110, RowGap = 14, Margin = 20, HeaderHeight = 28;

    private NetworkLayout(double[] x, double[] y, NodeKind[] columns, double width, double height)
    {
        X = x;
        Y = y;
        Columns = columns;
        Width = width;
        Height = height;
    }

    /// <summary>Left edge of each node's box, in graph node order.</summary>
    public double[] X { get; }

    /// <summary>Top edge of each node's box.</summary>
    public double[] Y { get; }

    /// <summary>The kinds that have a column, left to right.</summary>
    public NodeKind[] Columns { get; }

    public double Width { get; }

    public double Height { get; }

    public static double ColumnX(int column) => Margin + (column * (NodeWidth + ColumnGap));

    public static NetworkLayout Compute(NetworkGraph graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int node = 0; node < graph.Nodes.Count; node++)
        {
            index[graph.Nodes[node].Id] = node;
        }

        var kinds = graph.Nodes.Select(n => n.Kind).Distinct().Order().ToArray();
        var layers = kinds.Select(kind => Enumerable.Range(0, graph.Nodes.Count).Where(n => graph.Nodes[n].Kind == kind)
            .OrderBy(n => graph.Nodes[n].Country, StringComparer.Ordinal).ThenBy(n => graph.Nodes[n].Id, StringComparer.Ordinal).ToList()).ToList();
        var neighbours = graph.Nodes.Select(_ => new List<int>()).ToArray();
        foreach (var lane in graph.Lanes)
        {
            if (index.TryGetValue(lane.From, out int from) && index.TryGetValue(lane.To, out int to))
            {
                neighbours[from].Add(to);
                neighbours[to].Add(from);
            }
        }

        var rank = new double[graph.Nodes.Count];
        void Rank()
        {
            // Centred rows, matching the drawing, so barycentres compare across columns of different heights.
            foreach (var layer in layers)
            {
                for (int row = 0; row < layer.Count; row++)
                {
                    rank[layer[row]] = row - ((layer.Count - 1) / 2.0);
                }
            }
        }

        Rank();
        for (int layer = 1; layer < layers.Count; layer++)
        {
            layers[layer] = Sweep(layers[layer], neighbours, rank, graph, before: true, kinds[layer]);
            Rank();
        }

        for (int layer = layers.Count - 2; layer >= 0; layer--)
        {
            layers[layer] = Sweep(layers[layer], neighbours, rank, graph, before: false, kinds[layer]);
            Rank();
        }

        int rows = layers.Count == 0 ? 0 : layers.Max(l => l.Count);
        double height = (2 * Margin) + HeaderHeight + (rows * (NodeHeight + RowGap));
        var x = new double[graph.Nodes.Count];
        var y = new double[graph.Nodes.Count];
        for (int column = 0; column < layers.Count; column++)
        {
            // Centre shorter columns vertically so lanes stay short.
            double offset = (rows - layers[column].Count) * (NodeHeight + RowGap) / 2;
            for (int row = 0; row < layers[column].Count; row++)
            {
                int node = layers[column][row];
                x[node] = ColumnX(column);
                y[node] = Margin + HeaderHeight + offset + (row * (NodeHeight + RowGap));
            }
        }

        double width = ColumnX(layers.Count) - ColumnGap + Margin;
        return new NetworkLayout(x, y, kinds, Math.Max(width, 300), height);
    }

    private static List<int> Sweep(List<int> layer, List<int>[] neighbours, double[] rank, NetworkGraph graph,
        bool before, NodeKind kind)
    {
        double Barycentre(int node)
        {
            var side = neighbours[node].Where(n => before ? graph.Nodes[n].Kind < kind : graph.Nodes[n].Kind > kind).ToList();
            return side.Count == 0 ? rank[node] : side.Average(n => rank[n]);
        }

        return [.. layer.Select((node, row) => (node, row, key: Barycentre(node))).OrderBy(t => t.key).ThenBy(t => t.row).Select(t => t.node)];
    }
}
