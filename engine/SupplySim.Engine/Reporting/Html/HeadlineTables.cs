using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>One HTML table per scenario: the headline statistics of every sector × material.</summary>
internal static class HeadlineTables
{
    public static void Write(StringBuilder html, ReportData data)
    {
        for (int s = 0; s < data.Scenarios.Count; s++)
        {
            var scenario = data.Scenarios[s];
            bool paired = s > 0;
            html.Append("<h3><span class=\"swatch\" style=\"background:").Append(Palette.Of(s)).Append("\"></span>")
                .Append(SvgBuilder.Escape(scenario.Id)).Append("</h3>\n");
            if (scenario.Description.Length > 0)
            {
                html.Append("<p class=\"desc\">").Append(SvgBuilder.Escape(scenario.Description)).Append("</p>\n");
            }

            html.Append("<table class=\"headline\">\n<thead><tr><th>sector</th><th>material</th><th>P(any shortage) [95% CI]</th>")
                .Append("<th>shortage P50</th><th>shortage P95</th><th>shortage mean [95% CI]</th>");
            if (paired)
            {
                html.Append("<th>Δ shortage vs baseline [95% CI]</th>");
            }

            html.Append("<th>mean delay P95 (d)</th><th>mean delay mean [95% CI] (d)</th><th>time to shortage P50 (d)</th>")
                .Append("<th>time to recover P50 (d)</th></tr></thead>\n<tbody>\n");
            foreach (var row in scenario.Sectors)
            {
                var (low, high) = Numbers.Wilson(row.PAnyShortage, data.Trials);
                var f = row.ShortageFraction;
                var d = row.MeanDelayDays;
                html.Append("<tr><td>").Append(SvgBuilder.Escape(row.Sector)).Append("</td><td>").Append(SvgBuilder.Escape(row.Material)).Append("</td>");
                Cell(html, $"{Numbers.Percent(row.PAnyShortage)} <small>[{Numbers.Percent(low)}, {Numbers.Percent(high)}]</small>", Heat(row.PAnyShortage));
                Cell(html, Numbers.Percent(f.P50), Heat(f.P50));
                Cell(html, Numbers.Percent(f.P95), Heat(f.P95));
                Cell(html, $"{Numbers.Percent(f.Mean)} <small>[{Numbers.Percent(f.Ci95Low)}, {Numbers.Percent(f.Ci95High)}]</small>", Heat(f.Mean));
                if (paired)
                {
                    string delta = row.ShortageDelta is { } x
                        ? $"{Numbers.SignedPoints(x.Mean)} <small>[{Numbers.SignedPoints(x.Ci95Low)}, {Numbers.SignedPoints(x.Ci95High)}]</small>"
                        : "";
                    Cell(html, delta, null);
                }

                Cell(html, Numbers.Days(d.P95), null);
                Cell(html, $"{Numbers.Days(d.Mean)} <small>[{Numbers.Days(d.Ci95Low)}, {Numbers.Days(d.Ci95High)}]</small>", null);
                Cell(html, Numbers.Days(row.TimeToShortageDays.P50), null);
                Cell(html, Numbers.Days(row.TimeToRecoverDays.P50), null);
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    private static void Cell(StringBuilder html, string content, string? background)
    {
        html.Append("<td class=\"num\"");
        if (background is not null)
        {
            html.Append(" style=\"background:").Append(background).Append('"');
        }

        html.Append('>').Append(content).Append("</td>");
    }

    /// <summary>A pale red whose strength grows with a share in [0, 1]; white below 0.5%.</summary>
    private static string? Heat(double share)
    {
        if (share < 0.005)
        {
            return null;
        }

        int level = (int)Math.Round(Math.Clamp(share, 0, 1) * 4);
        return level switch
        {
            0 => "#fff5f0",
            1 => "#fee0d2",
            2 => "#fcbba1",
            3 => "#fc9272",
            _ => "#fb6a4a",
        };
    }
}
