using System.Globalization;
using System.Text;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Price fan charts (files with markets): per market whose price moves, the monthly mean price's P10–P90 band and
/// median over trials, baseline in grey and the focus scenario in colour, with the focus scenario's event starts.
/// </summary>
internal static class PriceCharts
{
    private const double Width = 660, Height = 250, Left = 70, Right = 640, Top = 40, Bottom = 200;

    public static void Write(StringBuilder html, ReportData data, int focus)
    {
        var baseline = data.Scenarios[0].PriceFans;
        var scenario = data.Scenarios[focus].PriceFans;
        if (baseline is null || scenario is null || baseline.Count != scenario.Count)
        {
            return;
        }

        html.Append("<section id=\"prices\">\n<h2>Prices over time</h2>\n")
            .Append("<p class=\"note\">Monthly mean price (USD per tonne), P10–P90 band and median over trials, per market whose price moves ")
            .Append("(a market with no buyer keeps its start price and is left out). Dashed red lines mark the starts of the focus scenario's ")
            .Append("events, numbered as in the cover charts.</p>\n<div class=\"grid\">\n");
        for (int j = 0; j < baseline.Count; j++)
        {
            if (Moves(baseline[j]) || Moves(scenario[j]))
            {
                html.Append(Chart(data, baseline[j], scenario[j], data.Scenarios[focus], focus));
            }
        }

        html.Append("</div>\n</section>\n");
    }

    /// <summary>Whether the median price changes over the run (an uncertain but constant start price does not count).</summary>
    private static bool Moves(ReportPriceFan fan) =>
        fan.P50.Count > 0 && (fan.P50.Max() - fan.P50.Min()) > 1e-6 * Math.Max(1, fan.P50[0]);

    private static string Chart(ReportData data, ReportPriceFan baseline, ReportPriceFan scenario, ReportScenario focus, int focusIndex)
    {
        string title = $"{baseline.Material} · {baseline.Market}";
        var svg = new SvgBuilder(Width, Height, $"Monthly mean price, {title}, {focus.Id} against baseline", cssClass: "chart price");
        svg.Text(Left, 16, title, "start", 12, "#111111", bold: true);
        svg.Text(Right, 16, $"P10–P90 band and median; grey: baseline, colour: {focus.Id}", "end", 10, "#444444");
        var x = new LinearScale(0, data.Days, Left, Right);
        double top = Math.Max(baseline.P90.DefaultIfEmpty(0).Max(), scenario.P90.DefaultIfEmpty(0).Max());
        var y = new LinearScale(0, LinearScale.NiceCeiling(top, 1), Bottom, Top);
        string DateLabel(double day) => data.Start.AddDays((int)Math.Round(day)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        ChartFrame.Draw(svg, x, y, DateLabel, Numbers.Integer, "month (calendar)", "USD per tonne", FanCharts.DateTicks(data));
        Band(svg, data, x, y, baseline, Palette.Of(0), dashed: true);
        Band(svg, data, x, y, scenario, Palette.Of(focusIndex), dashed: false);
        EventLines.Draw(svg, data, focus, x, Top, Bottom);
        return svg.ToString();
    }

    /// <summary>The band and median, each month drawn at the middle of its days within the run.</summary>
    private static void Band(SvgBuilder svg, ReportData data, LinearScale x, LinearScale y, ReportPriceFan fan, string colour, bool dashed)
    {
        double Middle(int month)
        {
            var first = new DateOnly(data.Start.Year, data.Start.Month, 1).AddMonths(month);
            double from = Math.Max(0, first.DayNumber - data.Start.DayNumber);
            double to = Math.Min(data.Days, first.AddMonths(1).DayNumber - data.Start.DayNumber);
            return (from + to) / 2;
        }

        var outline = Enumerable.Range(0, fan.P90.Count).Select(m => (x.Map(Middle(m)), y.Map(fan.P90[m])))
            .Concat(Enumerable.Range(0, fan.P10.Count).Reverse().Select(m => (x.Map(Middle(m)), y.Map(fan.P10[m]))));
        svg.Polygon(outline, colour, dashed ? 0.18 : 0.28);
        svg.Polyline(Enumerable.Range(0, fan.P50.Count).Select(m => (x.Map(Middle(m)), y.Map(fan.P50[m]))), colour, dashed ? 1.6 : 1.8, dashed ? "5,3" : null);
    }
}
