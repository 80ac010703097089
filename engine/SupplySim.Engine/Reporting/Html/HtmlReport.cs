using System.Globalization;
using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Renders the self-contained HTML report of a run: inline CSS, every chart inline SVG, no scripts and no external
/// reference, so it opens offline and can be mailed as one file. The same <see cref="ReportData"/> and focus
/// scenario always give the same bytes (invariant culture, no timestamps). The markup is also well-formed XML.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Renders the report of <paramref name="data"/>.</summary>
    /// <param name="data">The summarised run.</param>
    /// <param name="focusScenario">
    /// Scenario drawn against the baseline in the fan charts and the network diagram; null for the last scenario run.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="focusScenario"/> is not a scenario of <paramref name="data"/>.</exception>
    public static string Render(ReportData data, string? focusScenario = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Scenarios.Count == 0)
        {
            throw new ArgumentException("report data holds no scenario", nameof(data));
        }

        int focus = focusScenario is null ? data.Scenarios.Count - 1 : IndexOf(data, focusScenario);
        if (focus < 0)
        {
            throw new ArgumentException(
                $"unknown scenario '{focusScenario}'; the run has: {string.Join(", ", data.Scenarios.Select(s => s.Id))}", nameof(focusScenario));
        }

        string title = $"SupplySim report: {data.Network}";
        var html = new StringBuilder(1 << 18);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>").Append(Esc(title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Esc(title)).Append("</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{Numbers.Integer(data.Trials)} trials per scenario, seed {data.Seed}, {Numbers.Integer(data.Days)} days from {data.Start:yyyy-MM-dd}; ")
            .Append(CultureInfo.InvariantCulture, $"{data.Scenarios.Count - 1} scenario(s) against the baseline on the same random draws. ")
            .Append("Focus scenario for fan charts and network flows: <b>").Append(Esc(data.Scenarios[focus].Id)).Append("</b>.</p>\n");
        html.Append("<nav><a href=\"#summary\">Summary</a><a href=\"#headline\">Headline</a><a href=\"#distributions\">Distributions</a><a href=\"#differences\">Paired differences</a>")
            .Append("<a href=\"#fans\">Over time</a>")
            .Append(data.Scenarios[0].PriceFans is null ? "" : "<a href=\"#prices\">Prices</a>")
            .Append("<a href=\"#network\">Network</a></nav>\n");

        ExecutiveSummary.Write(html, data, focus);

        html.Append("<section id=\"headline\">\n<h2>Headline: shortage by scenario, sector and material</h2>\n")
            .Append("<p class=\"note\">Shortage fraction is the share of demand not met on the day it was demanded, over the whole horizon. ")
            .Append("P(any shortage) has a Wilson 95% interval; means have Student-t 95% intervals; Δ is the paired difference against the ")
            .Append("baseline (same random draws) in percentage points. Mean delay is days a tonne of demand waited. Time to shortage counts ")
            .Append("from the scenario's first event and time to recover from the first shortage; both are censored at the horizon.</p>\n");
        HeadlineTables.Write(html, data);
        html.Append("</section>\n");

        html.Append("<section id=\"distributions\">\n<h2>Shortage-fraction distributions</h2>\n")
            .Append("<p class=\"note\">Empirical CDF over trials per sector and material, one line per scenario (baseline dashed grey). ")
            .Append("A curve further right and lower means more shortage; its height at 0% is the probability of no shortage at all.</p>\n");
        CdfCharts.Write(html, data);
        html.Append("</section>\n");

        html.Append("<section id=\"differences\">\n<h2>Paired differences against the baseline</h2>\n")
            .Append("<p class=\"note\">Change in shortage fraction, trial by trial on common random numbers: the thick bar is the 95% CI of the ")
            .Append("mean change, the dot the mean, the whisker the 5th to 95th percentile of the per-trial change.</p>\n");
        DeltaChart.Write(html, data);
        html.Append("</section>\n");

        html.Append("<section id=\"fans\">\n<h2>Cover and fill rate over time</h2>\n")
            .Append("<p class=\"note\">Weekly P10–P90 bands and medians over trials for key consumers (highest shortage outside the rest of ")
            .Append("the world). Cover is on-hand stock in days of mean demand; fill rate is the share of the week's demand met on its day. ")
            .Append("Dashed red lines mark the starts of the focus scenario's events, numbered as listed.</p>\n");
        FanCharts.Write(html, data, focus);
        html.Append("</section>\n");

        PriceCharts.Write(html, data, focus);

        html.Append("<section id=\"network\">\n<h2>Network</h2>\n")
            .Append("<p class=\"note\">Nodes by kind from left to right, labelled with id and country. Lane width shows mean tonnes shipped over ")
            .Append("the horizon (the larger of baseline and focus scenario); colour shows what the focus scenario changes. Hover for numbers.</p>\n");
        var baseline = data.Scenarios[0].LaneShippedT;
        var compared = data.Scenarios[focus].LaneShippedT;
        bool flows = baseline.Count == data.Graph.Lanes.Count && compared.Count == data.Graph.Lanes.Count;
        if (data.Graph.Nodes.Count > CountryAggregate.MaxDrawnNodes)
        {
            var (graph, summedBaseline, summedCompared) = CountryAggregate.Of(data.Graph, flows ? baseline : null, flows ? compared : null);
            html.Append("<p class=\"note\">").Append(Numbers.Integer(data.Graph.Nodes.Count)).Append(" nodes and ")
                .Append(Numbers.Integer(data.Graph.Lanes.Count)).Append(" lanes are too many to draw one by one: each node below is all of a ")
                .Append("country's nodes of one kind (the last number counts them), each lane all lanes between two such groups.</p>\n");
            html.Append(NetworkSvg.Render(graph, summedBaseline, summedCompared, data.Scenarios[focus].Id, standalone: false));
        }
        else
        {
            html.Append(NetworkSvg.Render(data.Graph, flows ? baseline : null, flows ? compared : null, data.Scenarios[focus].Id, standalone: false));
        }

        LaneChanges.Write(html, data, focus);
        html.Append("</section>\n");

        html.Append("<footer>Generated by supplysim from the saved run; metric definitions in docs/metrics.md.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes <see cref="Render"/> as UTF-8 (no byte-order mark) to <paramref name="stream"/>.</summary>
    public static void Write(ReportData data, Stream stream, string? focusScenario = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = new UTF8Encoding(false).GetBytes(Render(data, focusScenario));
        stream.Write(bytes);
    }

    private static int IndexOf(ReportData data, string id)
    {
        for (int s = 0; s < data.Scenarios.Count; s++)
        {
            if (data.Scenarios[s].Id == id)
            {
                return s;
            }
        }

        return -1;
    }

    private static string Esc(string text) => SvgBuilder.Escape(text);
}
