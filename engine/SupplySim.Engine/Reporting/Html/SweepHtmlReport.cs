using System.Globalization;
using System.Text;
using SupplySim.Reporting.Graph;
using SupplySim.Sweeps;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Renders the self-contained HTML report of a sweep: the parameters swept, then per output the sensitivity ranking as
/// a bar chart (Sobol total and first-order indices, Morris mu*, or a one-at-a-time tornado of low and high values,
/// each with its 95% interval where the method gives one) and a scatter of every parameter against the output. Inline
/// CSS and SVG only; the same sweep gives the same bytes.
/// </summary>
internal static class SweepHtmlReport
{
    private const double ChartWidth = 760, LabelWidth = 210, BarRight = 700, RowHeight = 22;

    /// <summary>Renders the report of a complete sweep.</summary>
    public static string Render(SweepPlan plan, SweepTable table, SensitivityReport report)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(report);
        string title = $"SupplySim sweep: {Path.GetFileName(plan.SweepFile)}";
        var html = new StringBuilder(1 << 16);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").Append(Esc(title))
            .Append("</title>\n<style>\n").Append(ReportStyles.Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Esc(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Esc(string.Create(CultureInfo.InvariantCulture,
                $"scenario {plan.ScenarioId} of {Path.GetFileName(plan.ScenarioFile)}; {plan.Design.Kind.ToString().ToLowerInvariant()} design, {plan.PointCount} points x {plan.Trials} trials, seed {plan.Seed} (the same draws at every point)")))
            .Append("</p>\n<h2>Parameters</h2>\n<table>\n<tr><th>name</th><th>path</th><th>low</th><th>high</th></tr>\n");
        foreach (var parameter in plan.Parameters)
        {
            html.Append("<tr><td>").Append(Esc(parameter.Name)).Append("</td><td>").Append(Esc(parameter.Path)).Append("</td><td>")
                .Append(Numbers.Axis(parameter.Min)).Append("</td><td>").Append(Numbers.Axis(parameter.Max)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<p>Values in internal units: days, tonnes, tonnes per day.</p>\n");
        for (int o = 0; o < report.Outputs.Count; o++)
        {
            var output = report.Outputs[o];
            html.Append("<h2>").Append(Esc(output.Output)).Append("</h2>\n");
            html.Append(Ranking(output));
            html.Append(Scatters(plan, table, o));
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The ranking: one bar per parameter (two for Sobol), CI whiskers, or a tornado around the base value.</summary>
    private static string Ranking(OutputSensitivity output)
    {
        if (output.Method == "none")
        {
            return "<p>This design gives no sensitivity indices (use sobol, morris or oat); see the scatters.</p>\n";
        }

        var bars = output.Entries.Select(e => (e.Parameter, Stats: e.Statistics.ToDictionary(s => s.Key, s => s.Value))).ToList();
        bool tornado = output.Method == "oat";
        double low = 0, high = 0;
        foreach (var (_, stats) in bars)
        {
            foreach (var index in stats.Values.Where(v => double.IsFinite(v.Estimate)))
            {
                low = Math.Min(low, Math.Min(index.Estimate, double.IsFinite(index.CiLow) ? index.CiLow : index.Estimate));
                high = Math.Max(high, Math.Max(index.Estimate, double.IsFinite(index.CiHigh) ? index.CiHigh : index.Estimate));
            }
        }

        high = high > 1e-12 ? LinearScale.NiceCeiling(high, 1e-9) : 1; // an output no parameter moves still gets an axis
        low = low < 0 ? -LinearScale.NiceCeiling(-low, 1e-9) : 0;
        double bottom = 30 + (bars.Count * RowHeight * (output.Method == "sobol" ? 1.6 : 1));
        var x = new LinearScale(low, high, LabelWidth, BarRight);
        var svg = new SvgBuilder(ChartWidth, bottom + 45, $"Sensitivity ranking of {output.Output}", cssClass: "chart");
        ChartFrame.Draw(svg, x, new LinearScale(0, 1, bottom, 20), Numbers.Axis, _ => "", AxisTitle(output.Method), "");
        double y = 30;
        foreach (var (parameter, stats) in bars)
        {
            svg.Text(LabelWidth - 8, y + 11, parameter, "end", 11, "#222222");
            if (tornado)
            {
                double b = stats["base"].Estimate, lo = stats["low"].Estimate, hi = stats["high"].Estimate;
                Bar(svg, x, Math.Min(b, lo), Math.Max(b, lo), y, Palette.Of(0), $"low end: {Numbers.Axis(lo)}");
                Bar(svg, x, Math.Min(b, hi), Math.Max(b, hi), y, Palette.Of(1), $"high end: {Numbers.Axis(hi)}");
                svg.Line(x.Map(b), y - 2, x.Map(b), y + 16, "#222222");
            }
            else
            {
                int series = 0;
                foreach (var (name, index) in stats.Where(s => s.Key is "mu_star" or "st" or "s1"))
                {
                    double top = y + (series * 11);
                    Bar(svg, x, 0, Math.Max(0, index.Estimate), top, Palette.Of(series), $"{name} {Numbers.Axis(index.Estimate)}");
                    if (double.IsFinite(index.CiLow) && double.IsFinite(index.CiHigh))
                    {
                        svg.Line(x.Map(index.CiLow), top + 5, x.Map(index.CiHigh), top + 5, "#222222", 1.2);
                    }

                    series++;
                }
            }

            y += RowHeight * (output.Method == "sobol" ? 1.6 : 1);
        }

        return svg + Legend(output.Method);
    }

    private static void Bar(SvgBuilder svg, LinearScale x, double from, double to, double y, string fill, string title) =>
        svg.Rect(x.Map(from), y, Math.Max(1, x.Map(to) - x.Map(from)), 10, fill, title: title);

    private static string AxisTitle(string method) => method switch
    {
        "sobol" => "Sobol index (share of output variance)",
        "morris" => "Morris mu* (mean |elementary effect|, output units)",
        _ => "output at the parameter's low and high end (output units)",
    };

    private static string Legend(string method) => method switch
    {
        "sobol" => "<p class=\"legend\">Upper bar: total index ST; lower bar: first-order index S1; whiskers: 95% bootstrap intervals.</p>\n",
        "morris" => "<p class=\"legend\">Bars: mu*; whiskers: 95% bootstrap interval.</p>\n",
        _ => "<p class=\"legend\">Tornado: blue from the base value to the output at the parameter's low end, orange to its high end; black tick: base.</p>\n",
    };

    /// <summary>One scatter per parameter (up to six): the parameter's value at each point against the output.</summary>
    private static string Scatters(SweepPlan plan, SweepTable table, int output)
    {
        var text = new StringBuilder("<div class=\"grid\">\n");
        double[] y = [.. Enumerable.Range(0, table.Points.Count).Select(r => table.Value(r, output))];
        var finite = y.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double yLow = Math.Min(0, finite.Min()), yHigh = finite.Max() > 1e-12 ? LinearScale.NiceCeiling(finite.Max(), 1e-9) : 1;
        for (int p = 0; p < Math.Min(6, plan.Parameters.Count); p++)
        {
            var parameter = plan.Parameters[p];
            var xs = new LinearScale(parameter.Min, parameter.Max, 60, 330);
            var ys = new LinearScale(yLow, yHigh, 210, 20);
            var svg = new SvgBuilder(350, 255, $"{parameter.Name} against {plan.Outputs[output].Name}", cssClass: "chart small");
            ChartFrame.Draw(svg, xs, ys, Numbers.Axis, Numbers.Axis, parameter.Name, "output");
            for (int r = 0; r < table.Points.Count; r++)
            {
                if (double.IsFinite(y[r]))
                {
                    svg.Circle(xs.Map(plan.Value(table.Points[r], p)), ys.Map(y[r]), 2.5, Palette.Of(0));
                }
            }

            text.Append(svg);
        }

        return text.Append("</div>\n").ToString();
    }

    private static string Esc(string text) => SvgBuilder.Escape(text);
}
