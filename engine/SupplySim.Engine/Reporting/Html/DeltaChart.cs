using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Paired differences of shortage fraction against the baseline (same random draws): per sector × material and
/// scenario, the P5–P95 range of the per-trial difference as a thin whisker, the 95% CI of its mean as a thick bar
/// and the mean as a dot.
/// </summary>
internal static class DeltaChart
{
    private const double Left = 170, Right = 720, Width = 900, RowHeight = 13, GroupGap = 10, Top = 40;

    public static int Write(StringBuilder html, ReportData data)
    {
        int scenarios = data.Scenarios.Count - 1;
        if (scenarios == 0)
        {
            html.Append("<p>Only the baseline was run, so there are no paired differences.</p>\n");
            return 0;
        }

        var rows = data.Scenarios[0].Sectors;
        double low = 0, high = 0;
        foreach (var scenario in data.Scenarios.Skip(1))
        {
            foreach (var row in scenario.Sectors)
            {
                low = Math.Min(low, row.ShortageDelta?.P5 ?? 0);
                high = Math.Max(high, row.ShortageDelta?.P95 ?? 0);
            }
        }

        low = -LinearScale.NiceCeiling(-low, 0.01);
        high = LinearScale.NiceCeiling(high, 0.01);
        double groupHeight = (scenarios * RowHeight) + GroupGap;
        double bottom = Top + (rows.Count * groupHeight);
        var x = new LinearScale(low, high, Left, Right);
        var svg = new SvgBuilder(Width, bottom + 45, "Paired change in shortage fraction against the baseline", cssClass: "chart delta");
        foreach (double tick in x.Ticks(8))
        {
            svg.Line(x.Map(tick), Top, x.Map(tick), bottom, tick == 0 ? "#333333" : "#eeeeee", tick == 0 ? 1.2 : 1);
            svg.Text(x.Map(tick), bottom + 15, Numbers.SignedPoints(tick).Replace(" pp", "", StringComparison.Ordinal), "middle", 10, "#444444");
        }

        svg.Line(Left, bottom, Right, bottom, "#666666");
        svg.Text((Left + Right) / 2, bottom + 32, "Δ shortage fraction, scenario − baseline (percentage points of demand)", "middle", 11, "#222222");
        for (int r = 0; r < rows.Count; r++)
        {
            double groupTop = Top + (r * groupHeight);
            if (r % 2 == 1)
            {
                svg.Rect(0, groupTop - (GroupGap / 2), Right, groupHeight, "#f7f7f7");
            }

            svg.Text(Left - 10, groupTop + (scenarios * RowHeight / 2) + 4, $"{rows[r].Sector} · {rows[r].Material}", "end", 11, "#111111");
            for (int s = 1; s <= scenarios; s++)
            {
                if (data.Scenarios[s].Sectors[r].ShortageDelta is not { } d)
                {
                    continue;
                }

                double cy = groupTop + ((s - 1) * RowHeight) + (RowHeight / 2);
                string colour = Palette.Of(s);
                svg.BeginGroup($"{data.Scenarios[s].Id}, {rows[r].Sector} {rows[r].Material}: mean {Numbers.SignedPoints(d.Mean)} " +
                               $"[95% CI {Numbers.SignedPoints(d.Ci95Low)}, {Numbers.SignedPoints(d.Ci95High)}], P5 {Numbers.SignedPoints(d.P5)}, P95 {Numbers.SignedPoints(d.P95)}");
                svg.Line(x.Map(d.P5), cy, x.Map(d.P95), cy, colour, 1.2);
                svg.Line(x.Map(d.P5), cy - 3, x.Map(d.P5), cy + 3, colour, 1.2);
                svg.Line(x.Map(d.P95), cy - 3, x.Map(d.P95), cy + 3, colour, 1.2);
                svg.Rect(Math.Min(x.Map(d.Ci95Low), x.Map(d.Mean) - 1.5), cy - 3.5, Math.Max(3, x.Map(d.Ci95High) - x.Map(d.Ci95Low)), 7, colour);
                svg.Circle(x.Map(d.Mean), cy, 3.2, "#ffffff");
                svg.EndGroup();
            }
        }

        for (int s = 1; s <= scenarios; s++)
        {
            double ly = Top + ((s - 1) * 17);
            svg.Line(Right + 20, ly, Right + 42, ly, Palette.Of(s), 6);
            svg.Text(Right + 48, ly + 4, data.Scenarios[s].Id, "start", 10, "#222222");
        }

        svg.Text(Right + 20, Top + (scenarios * 17) + 8, "bar: 95% CI of mean; dot: mean", "start", 9, "#555555");
        svg.Text(Right + 20, Top + (scenarios * 17) + 21, "whisker: P5–P95 of trials", "start", 9, "#555555");
        html.Append(svg);
        return 1;
    }
}
