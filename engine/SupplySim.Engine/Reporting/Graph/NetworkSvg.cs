using System.Globalization;
using SupplySim.Model;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// Draws a <see cref="NetworkGraph"/> as SVG with its own layered layout (no Graphviz needed): producers,
/// processors, transshippers, stockpiles and consumers in columns from left to right, each node labelled with its id
/// and country. Given mean tonnes shipped per lane in the baseline and a scenario, lane width shows the larger of
/// the two and colour the change (red: the scenario loses flow, blue: it gains). Deterministic bytes.
/// </summary>
internal static class NetworkSvg
{
    private const double LegendHeight = 46;

    private static readonly string[] ChangeColours = ["#b2182b", "#ef8a62", "#9e9e9e", "#67a9cf", "#2166ac"];

    private static readonly string[] ChangeLabels = ["loses > 50%", "loses 5-50%", "within 5%", "gains 5-50%", "gains > 50%"];

    /// <summary>Renders <paramref name="graph"/>.</summary>
    /// <param name="graph">The network.</param>
    /// <param name="baselineShippedT">Mean tonnes shipped per lane (graph lane order) in the baseline, or null for a plain diagram.</param>
    /// <param name="scenarioShippedT">Mean tonnes shipped per lane in the compared scenario; needed with <paramref name="baselineShippedT"/>.</param>
    /// <param name="scenarioId">The compared scenario's id, for the legend.</param>
    /// <param name="standalone">True for an <c>.svg</c> file (with the SVG namespace), false for inline use in HTML.</param>
    public static string Render(NetworkGraph graph, IReadOnlyList<double>? baselineShippedT = null, IReadOnlyList<double>? scenarioShippedT = null,
        string scenarioId = "", bool standalone = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        bool flows = baselineShippedT is not null && scenarioShippedT is not null;
        if (flows && (baselineShippedT!.Count != graph.Lanes.Count || scenarioShippedT!.Count != graph.Lanes.Count))
        {
            throw new ArgumentException("flows need one value per lane", nameof(scenarioShippedT));
        }

        var layout = NetworkLayout.Compute(graph);
        double height = layout.Height + LegendHeight;
        string label = flows ? $"Network {graph.Name}: lanes by mean tonnes shipped, {scenarioId} against baseline" : $"Network {graph.Name}";
        var svg = new SvgBuilder(layout.Width, height, label, standalone, "network");
        svg.Rect(0, 0, layout.Width, height, "#ffffff");
        for (int column = 0; column < layout.Columns.Length; column++)
        {
            svg.Text(NetworkLayout.ColumnX(column) + (NetworkLayout.NodeWidth / 2), NetworkLayout.Margin + 12, ColumnTitle(layout.Columns[column]),
                "middle", 12, "#333333", bold: true);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int node = 0; node < graph.Nodes.Count; node++)
        {
            index[graph.Nodes[node].Id] = node;
        }

        double maxFlow = 0;
        if (flows)
        {
            for (int lane = 0; lane < graph.Lanes.Count; lane++)
            {
                maxFlow = Math.Max(maxFlow, Math.Max(baselineShippedT![lane], scenarioShippedT![lane]));
            }
        }

        // Thin lanes first so heavy ones stay visible on top.
        var order = Enumerable.Range(0, graph.Lanes.Count)
            .OrderBy(lane => flows ? Math.Max(baselineShippedT![lane], scenarioShippedT![lane]) : 0).ThenBy(lane => lane);
        foreach (int lane in order)
        {
            var l = graph.Lanes[lane];
            if (!index.TryGetValue(l.From, out int from) || !index.TryGetValue(l.To, out int to))
            {
                continue;
            }

            double x1 = layout.X[from] + NetworkLayout.NodeWidth, y1 = layout.Y[from] + (NetworkLayout.NodeHeight / 2);
            double x2 = layout.X[to], y2 = layout.Y[to] + (NetworkLayout.NodeHeight / 2);
            double bend = Math.Max(40, Math.Abs(x2 - x1) / 2);
            string d = $"M{SvgBuilder.F(x1)},{SvgBuilder.F(y1)} C{SvgBuilder.F(x1 + bend)},{SvgBuilder.F(y1)} {SvgBuilder.F(x2 - bend)},{SvgBuilder.F(y2)} {SvgBuilder.F(x2)},{SvgBuilder.F(y2)}";
            string materials = string.Join(", ", l.Materials);
            if (!flows)
            {
                svg.Path(d, "#8a8f98", 1.5, 0.8, $"{l.From} -> {l.To} ({materials})");
                continue;
            }

            double baseline = baselineShippedT![lane], scenario = scenarioShippedT![lane];
            double width = maxFlow > 0 ? 1 + (9 * Math.Sqrt(Math.Max(baseline, scenario) / maxFlow)) : 1;
            int change = ChangeClass(baseline, scenario);
            string tip = string.Create(CultureInfo.InvariantCulture,
                $"{l.From} -> {l.To} ({materials}): baseline {baseline:#,0.#} t, {scenarioId} {scenario:#,0.#} t, change {scenario - baseline:+#,0.#;-#,0.#;0} t");
            svg.Path(d, ChangeColours[change], width, 0.85, tip);
        }

        for (int node = 0; node < graph.Nodes.Count; node++)
        {
            var n = graph.Nodes[node];
            svg.BeginGroup($"{n.Id}: {n.Kind.ToString().ToLowerInvariant()} in {n.Country}");
            svg.Rect(layout.X[node], layout.Y[node], NetworkLayout.NodeWidth, NetworkLayout.NodeHeight, KindColour(n.Kind), "#555555", 5);
            double cx = layout.X[node] + (NetworkLayout.NodeWidth / 2);
            svg.Text(cx, layout.Y[node] + 15, n.Id, "middle", 11, "#111111", bold: true);
            svg.Text(cx, layout.Y[node] + 29, n.Country, "middle", 10, "#444444");
            svg.EndGroup();
        }

        Legend(svg, layout, flows, scenarioId);
        return svg.ToString();
    }

    private static int ChangeClass(double baseline, double scenario)
    {
        double reference = Math.Max(baseline, scenario);
        double relative = reference <= 0 ? 0 : (scenario - baseline) / reference;
        return relative switch
        {
            < -0.5 => 0,
            < -0.05 => 1,
            <= 0.05 => 2,
            <= 0.5 => 3,
            _ => 4,
        };
    }

    private static void Legend(SvgBuilder svg, NetworkLayout layout, bool flows, string scenarioId)
    {
        double y = layout.Height + 8;
        double x = NetworkLayout.Margin;
        if (flows)
        {
            svg.Text(x, y + 10, $"Lane colour: change in mean tonnes shipped, {scenarioId} vs baseline (relative to the larger); width: tonnes shipped", "start", 11, "#333333");
            for (int c = 0; c < ChangeColours.Length; c++)
            {
                double lx = x + (c * 130);
                svg.Line(lx, y + 26, lx + 28, y + 26, ChangeColours[c], 5);
                svg.Text(lx + 34, y + 30, ChangeLabels[c], "start", 10, "#333333");
            }
        }
        else
        {
            svg.Text(x, y + 10, "Columns by node kind; each box shows the node id and its country (ISO 3166-1 alpha-2).", "start", 11, "#333333");
        }
    }

    private static string ColumnTitle(NodeKind kind) => kind switch
    {
        NodeKind.Producer => "Producers",
        NodeKind.Processor => "Processors",
        NodeKind.Transshipper => "Transshippers",
        NodeKind.Stockpile => "Stockpiles",
        _ => "Consumers",
    };

    internal static string KindColour(NodeKind kind) => kind switch
    {
        NodeKind.Producer => "#fde0c5",
        NodeKind.Processor => "#e3d7f4",
        NodeKind.Transshipper => "#fff2a8",
        NodeKind.Stockpile => "#d4edda",
        _ => "#d6e6f7",
    };
}
