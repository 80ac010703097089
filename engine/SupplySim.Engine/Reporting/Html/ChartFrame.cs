using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>Draws a plot area's grid, axes, tick labels and axis titles (with units) onto an <see cref="SvgBuilder"/>.</summary>
internal static class ChartFrame
{
    public static void Draw(SvgBuilder svg, LinearScale x, LinearScale y, Func<double, string> xLabel, Func<double, string> yLabel,
        string xTitle, string yTitle, IReadOnlyList<double>? xTicks = null)
    {
        double left = x.RangeLow, right = x.RangeHigh, bottom = y.RangeLow, top = y.RangeHigh;
        foreach (double tick in y.Ticks())
        {
            double py = y.Map(tick);
            svg.Line(left, py, right, py, "#e6e6e6");
            svg.Text(left - 5, py + 4, yLabel(tick), "end", 10, "#444444");
        }

        foreach (double tick in xTicks ?? x.Ticks())
        {
            double px = x.Map(tick);
            svg.Line(px, top, px, bottom, "#f0f0f0");
            svg.Line(px, bottom, px, bottom + 4, "#666666");
            svg.Text(px, bottom + 15, xLabel(tick), "middle", 10, "#444444");
        }

        svg.Line(left, bottom, right, bottom, "#666666");
        svg.Line(left, top, left, bottom, "#666666");
        svg.Text((left + right) / 2, bottom + 30, xTitle, "middle", 11, "#222222");
        svg.Text(left - 38, (top + bottom) / 2, yTitle, "middle", 11, "#222222", rotate: -90);
    }
}
