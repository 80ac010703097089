using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// The lanes whose flow the focus scenario changes most: a table a planner can read whatever the network's size,
/// where a diagram of thousands of lanes must aggregate them by country.
/// </summary>
internal static class LaneChanges
{
    /// <summary>Rows the table shows at most.</summary>
    public const int MaxRows = 15;

    /// <summary>
    /// Lanes with a change, by descending absolute change in mean tonnes shipped (ties: lane order), at most
    /// <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<int> Largest(IReadOnlyList<double> baseline, IReadOnlyList<double> focus, int count) =>
        [.. Enumerable.Range(0, baseline.Count)
            .Where(lane => focus[lane] != baseline[lane])
            .OrderByDescending(lane => Math.Abs(focus[lane] - baseline[lane]))
            .ThenBy(lane => lane)
            .Take(count)];

    public static void Write(StringBuilder html, ReportData data, int focus)
    {
        var baseline = data.Scenarios[0].LaneShippedT;
        var compared = data.Scenarios[focus].LaneShippedT;
        if (focus == 0 || baseline.Count != data.Graph.Lanes.Count || compared.Count != data.Graph.Lanes.Count)
        {
            return;
        }

        var lanes = Largest(baseline, compared, MaxRows);
        html.Append("<h3>Lanes ").Append(SvgBuilder.Escape(data.Scenarios[focus].Id)).Append(" changes most</h3>\n");
        if (lanes.Count == 0)
        {
            html.Append("<p class=\"note\">No lane's mean flow differs from the baseline's.</p>\n");
            return;
        }

        html.Append("<p class=\"note\">Mean tonnes shipped over the horizon, largest absolute changes first: ")
            .Append(Numbers.Integer(lanes.Count)).Append(" of ").Append(Numbers.Integer(baseline.Count)).Append(" lanes.</p>\n")
            .Append("<table class=\"lanes\">\n<thead><tr><th>from</th><th>to</th><th>materials</th><th>baseline (t)</th><th>")
            .Append(SvgBuilder.Escape(data.Scenarios[focus].Id)).Append(" (t)</th><th>change (t)</th><th>change</th></tr></thead>\n<tbody>\n");
        foreach (int lane in lanes)
        {
            var graphLane = data.Graph.Lanes[lane];
            double before = baseline[lane], after = compared[lane];
            html.Append("<tr><td>").Append(SvgBuilder.Escape(graphLane.From)).Append("</td><td>").Append(SvgBuilder.Escape(graphLane.To))
                .Append("</td><td>").Append(SvgBuilder.Escape(string.Join(", ", graphLane.Materials))).Append("</td><td>")
                .Append(Numbers.Tonnes(before)).Append("</td><td>").Append(Numbers.Tonnes(after)).Append("</td><td>")
                .Append(Numbers.SignedTonnes(after - before)).Append("</td><td>")
                .Append(before > 0 ? Numbers.SignedPercent((after - before) / before) : "new").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
