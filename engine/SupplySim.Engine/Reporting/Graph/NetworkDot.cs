using System.Text;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// Writes a <see cref="NetworkGraph"/> as Graphviz DOT: left-to-right, one rank per node kind, nodes labelled with
/// id and country and filled by kind, one edge per lane labelled with its materials. Deterministic text.
/// </summary>
internal static class NetworkDot
{
    /// <summary>The DOT text of <paramref name="graph"/> (LF line ends).</summary>
    public static string Format(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(graph.Name.Length == 0 ? "network" : graph.Name)).Append(" {\n");
        dot.Append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var kind in graph.Nodes.Select(n => n.Kind).Distinct().Order())
        {
            dot.Append("  { rank=same;");
            foreach (var node in graph.Nodes.Where(n => n.Kind == kind))
            {
                dot.Append(' ').Append(Quote(node.Id)).Append(';');
            }

            dot.Append(" }\n");
        }

        foreach (var node in graph.Nodes)
        {
            dot.Append("  ").Append(Quote(node.Id)).Append(" [label=").Append(Quote($"{node.Id}\n{node.Country} {node.Kind.ToString().ToLowerInvariant()}"))
                .Append(", fillcolor=").Append(Quote(NetworkSvg.KindColour(node.Kind))).Append("];\n");
        }

        foreach (var lane in graph.Lanes)
        {
            dot.Append("  ").Append(Quote(lane.From)).Append(" -> ").Append(Quote(lane.To)).Append(" [label=")
                .Append(Quote(string.Join(",", lane.Materials))).Append("];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
