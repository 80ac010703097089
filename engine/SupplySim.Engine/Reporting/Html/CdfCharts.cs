using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>Per sector × material, the empirical CDF of shortage fraction of every scenario, overlaid.</summary>
internal static class CdfCharts
{
    private const double Width = 420, Height = 250, Left = 58, Right = 285, Top = 28, Bottom = 205;

    public static int Write(StringBuilder html, ReportData data)
    {
        int charts = 0;
        var rows = data.Scenarios[0].Sectors;
        html.Append("<div class=\"grid\">\n");
        for (int r = 0; r < rows.Count; r++)
        {
            string title = $"{rows[r].Sector} · {rows[r].Material}";
            double max = 0;
            foreach (var scenario in data.Scenarios)
            {
                max = Math.Max(max, scenario.Sectors[r].ShortageQuantiles[^1]);
            }

            var x = new LinearScale(0, LinearScale.NiceCeiling(max, 0.01), Left, Right);
            var y = new LinearScale(0, 1, Bottom, Top);
            var svg = new SvgBuilder(Width, Height, $"Shortage fraction distribution, {title}", cssClass: "chart cdf");
            svg.Text(Left, 16, title, "start", 12, "#111111", bold: true);
            ChartFrame.Draw(svg, x, y, Numbers.AxisPercent, Numbers.Axis, "shortage fraction over the horizon (% of demand)",
                "P(shortage ≤ x)");
            for (int s = 0; s < data.Scenarios.Count; s++)
            {
                var quantiles = data.Scenarios[s].Sectors[r].ShortageQuantiles;
                var points = new List<(double, double)>();
                for (int k = 0; k < quantiles.Count; k++)
                {
                    double p = k / (double)(quantiles.Count - 1);
                    points.Add((x.Map(quantiles[k]), y.Map(p)));
                }

                // Extend each curve to the right edge at probability 1, so every line ends where the axis ends.
                points.Add((x.Map(x.DomainHigh), y.Map(1)));
                svg.Polyline(points, Palette.Of(s), s == 0 ? 2.2 : 1.6, s == 0 ? "5,3" : null);
            }

            Legend(svg, data);
            html.Append(svg);
            charts++;
        }

        html.Append("</div>\n");
        return charts;
    }

    internal static void Legend(SvgBuilder svg, ReportData data)
    {
        for (int s = 0; s < data.Scenarios.Count; s++)
        {
            double ly = Top + 8 + (s * 17);
            svg.Line(Right + 12, ly, Right + 34, ly, Palette.Of(s), 2.5, s == 0 ? "5,3" : null);
            string id = data.Scenarios[s].Id;
            svg.Text(Right + 39, ly + 4, id.Length > 17 ? id[..16] + "…" : id, "start", 10, "#222222");
        }
    }
}
