using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Fan charts over calendar time for the key consumers: weekly P10–P90 bands and medians of on-hand cover (days)
/// and fill rate, baseline in grey and the focus scenario in colour, with the focus scenario's event starts marked
/// by numbered dashed lines.
/// </summary>
internal static class FanCharts
{
    private const double Width = 660, Height = 330, Left = 60, Right = 640, CoverTop = 44, CoverBottom = 150, FillTop = 182, FillBottom = 288;

    public static int Write(StringBuilder html, ReportData data, int focus)
    {
        var baseline = data.Scenarios[0];
        var scenario = data.Scenarios[focus];
        if (baseline.Fans.Count == 0 || scenario.Fans.Count != baseline.Fans.Count)
        {
            html.Append("<p>No weekly series were saved with this run, so there are no fan charts.</p>\n");
            return 0;
        }

        if (scenario.Events.Count > 0)
        {
            html.Append("<ol class=\"events\">");
            foreach (var ev in scenario.Events)
            {
                html.Append("<li>").Append(ev.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(": ")
                    .Append(SvgBuilder.Escape(ev.Label)).Append("</li>");
            }

            html.Append("</ol>\n");
        }

        html.Append("<div class=\"grid\">\n");
        for (int f = 0; f < baseline.Fans.Count; f++)
        {
            html.Append(Chart(data, baseline.Fans[f], scenario.Fans[f], scenario, focus));
        }

        html.Append("</div>\n");
        return baseline.Fans.Count;
    }

    private static string Chart(ReportData data, ReportFan baseline, ReportFan scenario, ReportScenario focus, int focusIndex)
    {
        string title = $"{baseline.Consumer} · {baseline.Material}";
        var svg = new SvgBuilder(Width, Height, $"Weekly cover and fill rate, {title}, {focus.Id} against baseline", cssClass: "chart fan");
        svg.Text(Left, 16, title, "start", 12, "#111111", bold: true);
        svg.Text(Right, 16, $"P10–P90 band and median; grey: baseline, colour: {focus.Id}", "end", 10, "#444444");
        var x = new LinearScale(0, data.Days, Left, Right);
        var ticks = DateTicks(data);
        double maxCover = Math.Max(baseline.CoverP90.DefaultIfEmpty(0).Max(), scenario.CoverP90.DefaultIfEmpty(0).Max());
        var cover = new LinearScale(0, LinearScale.NiceCeiling(maxCover, 10), CoverBottom, CoverTop);
        var fill = new LinearScale(0, 1, FillBottom, FillTop);
        Func<double, string> dateLabel = day => data.Start.AddDays((int)Math.Round(day)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        ChartFrame.Draw(svg, x, cover, _ => "", Numbers.Axis, "", "cover (days)", ticks);
        ChartFrame.Draw(svg, x, fill, dateLabel, Numbers.AxisPercent, "week starting (calendar month)", "fill rate (%)", ticks);
        Band(svg, x, cover, baseline.CoverP10, baseline.CoverP50, baseline.CoverP90, Palette.Of(0), dashed: true);
        Band(svg, x, cover, scenario.CoverP10, scenario.CoverP50, scenario.CoverP90, Palette.Of(focusIndex), dashed: false);
        Band(svg, x, fill, baseline.FillP10, baseline.FillP50, baseline.FillP90, Palette.Of(0), dashed: true);
        Band(svg, x, fill, scenario.FillP10, scenario.FillP50, scenario.FillP90, Palette.Of(focusIndex), dashed: false);
        EventLines.Draw(svg, data, focus, x, CoverTop, FillBottom);
        return svg.ToString();
    }

    private static void Band(SvgBuilder svg, LinearScale x, LinearScale y, IReadOnlyList<double> p10, IReadOnlyList<double> p50,
        IReadOnlyList<double> p90, string colour, bool dashed)
    {
        // Week w covers days 7w to 7w + 7; plot each week at its middle.
        double Day(int week) => (week * 7) + 3.5;
        var outline = Enumerable.Range(0, p90.Count).Select(w => (x.Map(Day(w)), y.Map(p90[w])))
            .Concat(Enumerable.Range(0, p10.Count).Reverse().Select(w => (x.Map(Day(w)), y.Map(p10[w]))));
        svg.Polygon(outline, colour, dashed ? 0.18 : 0.28);
        svg.Polyline(Enumerable.Range(0, p50.Count).Select(w => (x.Map(Day(w)), y.Map(p50[w]))), colour, dashed ? 1.6 : 1.8, dashed ? "5,3" : null);
    }

    /// <summary>Day offsets of month starts: every month for runs up to a year, else every quarter.</summary>
    internal static List<double> DateTicks(ReportData data)
    {
        var ticks = new List<double>();
        int step = data.Days > 400 ? 3 : 1;
        var month = new DateOnly(data.Start.Year, data.Start.Month, 1);
        if (month < data.Start)
        {
            month = month.AddMonths(1);
        }

        while (month.Month % step != 1 % step)
        {
            month = month.AddMonths(1);
        }

        for (; month.DayNumber - data.Start.DayNumber <= data.Days; month = month.AddMonths(step))
        {
            ticks.Add(month.DayNumber - data.Start.DayNumber);
        }

        return ticks;
    }
}
