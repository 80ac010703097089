using System.Globalization;
using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// The report's first screen: per scenario, one sentence and one number per sector × material at risk (chance of
/// any shortage, median and P90 shortfall, median days until the first shortage, change against the baseline),
/// then the three lanes whose loss matters most in the focus scenario (the largest falls in tonnes shipped).
/// </summary>
internal static class ExecutiveSummary
{
    /// <summary>Sector rows below this chance of any shortage are counted, not described.</summary>
    private const double AtRisk = 0.01;

    /// <summary>Index of the 90th percentile in <see cref="ReportSectorRow.ShortageQuantiles"/> (51 points, k/50).</summary>
    private const int P90Index = 45;

    public static void Write(StringBuilder html, ReportData data, int focus)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n")
            .Append("<p class=\"note\">For each scenario, every sector and material with at least a 1% chance of running short, most at risk ")
            .Append("first. Shortfall is the share of demand not met on its day over the whole run; \"in 1 of 10 runs\" is the 90th percentile.</p>\n");
        for (int s = 0; s < data.Scenarios.Count; s++)
        {
            var scenario = data.Scenarios[s];
            var atRisk = scenario.Sectors.Where(r => r.PAnyShortage >= AtRisk).OrderByDescending(r => r.PAnyShortage).ToList();
            html.Append("<h3><span class=\"swatch\" style=\"background:").Append(Palette.Of(s)).Append("\"></span>")
                .Append(SvgBuilder.Escape(scenario.Id)).Append("</h3>\n<ul class=\"summary\">\n");
            foreach (var row in atRisk)
            {
                html.Append("<li><b>").Append(Numbers.Percent(row.PAnyShortage)).Append("</b> chance that <b>")
                    .Append(SvgBuilder.Escape(row.Sector)).Append("</b> runs short of <b>").Append(SvgBuilder.Escape(row.Material)).Append("</b>: ")
                    .Append(Sentence(row, data)).Append("</li>\n");
            }

            int calm = scenario.Sectors.Count - atRisk.Count;
            if (calm > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{calm} other sector × material pair(s): under a 1% chance of any shortage.</li>\n");
            }

            html.Append("</ul>\n");
        }

        WriteLanes(html, data, focus);
        html.Append("</section>\n");
    }

    private static string Sentence(ReportSectorRow row, ReportData data)
    {
        var f = row.ShortageFraction;
        double p90 = row.ShortageQuantiles.Count > P90Index ? row.ShortageQuantiles[P90Index] : f.P95;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"typically {Numbers.Percent(f.P50)} of demand unmet, {Numbers.Percent(p90)} in 1 of 10 runs");
        text.Append(row.PAnyShortage >= 0.5
            ? $"; the first shortage comes after {Numbers.Days(row.TimeToShortageDays.P50)} days (median, from the scenario's first event)"
            : "; most runs never run short");
        if (row.ShortageDelta is { } delta)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"; {Numbers.SignedPoints(delta.Mean)} against the baseline [{Numbers.SignedPoints(delta.Ci95Low)}, {Numbers.SignedPoints(delta.Ci95High)}]");
        }

        return text.Append('.').ToString();
    }

    /// <summary>
    /// The lanes whose mean tonnes shipped fall most in the focus scenario against the baseline: three, or ten on a
    /// network too large to draw lane by lane (<see cref="CountryAggregate"/>).
    /// </summary>
    private static void WriteLanes(StringBuilder html, ReportData data, int focus)
    {
        var baseline = data.Scenarios[0].LaneShippedT;
        var compared = data.Scenarios[focus].LaneShippedT;
        if (focus == 0 || baseline.Count != data.Graph.Lanes.Count || compared.Count != baseline.Count)
        {
            return;
        }

        var losses = Enumerable.Range(0, baseline.Count).Select(l => (Lane: data.Graph.Lanes[l], Lost: baseline[l] - compared[l], Baseline: baseline[l]))
            .Where(x => x.Lost > 0).OrderByDescending(x => x.Lost).Take(data.Graph.Nodes.Count > CountryAggregate.MaxDrawnNodes ? 10 : 3).ToList();
        if (losses.Count == 0)
        {
            return;
        }

        html.Append("<p class=\"note\">The lanes whose loss matters most in <b>").Append(SvgBuilder.Escape(data.Scenarios[focus].Id))
            .Append("</b> (largest falls in mean tonnes shipped over the run, against the baseline):</p>\n<ol class=\"summary\">\n");
        foreach (var (lane, lost, before) in losses)
        {
            string share = before > 0 ? $" ({Numbers.Percent(lost / before)} of its baseline flow)" : "";
            html.Append("<li>").Append(SvgBuilder.Escape($"{lane.From} → {lane.To}")).Append(": ")
                .Append(Numbers.Integer(lost)).Append(" t less").Append(share).Append(".</li>\n");
        }

        html.Append("</ol>\n");
    }
}
