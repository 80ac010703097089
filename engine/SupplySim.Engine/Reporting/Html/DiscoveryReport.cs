using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplySim.Decisions;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// What <c>supplysim discover</c> writes: <c>discovery.json</c> (<c>supplysim.discovery/1</c>: the peeling trajectory and
/// the chosen box with its restricted parameters) and <c>discovery.html</c> (the trajectory as coverage against density,
/// the chosen box marked, and its bounds against each parameter's full range). Inline SVG; same input, same bytes.
/// </summary>
internal static class DiscoveryReport
{
    /// <summary>Restrictions with a quasi-p-value below this are reported as significant.</summary>
    public const double Significance = 0.05;

    /// <summary>Inputs whose box bounds differ from their full range, with their quasi-p-values, most significant first.</summary>
    public static List<(int Input, double Lower, double Upper, double QuasiP)> Restricted(DiscoveryCases cases, IReadOnlyList<bool> interesting, PrimBox box, PrimBox full) =>
        [.. Enumerable.Range(0, box.Lower.Count).Where(j => box.Lower[j] > full.Lower[j] || box.Upper[j] < full.Upper[j])
            .Select(j => (j, box.Lower[j], box.Upper[j], Prim.QuasiPValue(cases.Inputs, interesting, box, full, j)))
            .OrderBy(r => r.Item4).ThenBy(r => r.j)];

    public static void WriteJson(DiscoveryCases cases, IReadOnlyList<bool> interesting, string output, double above, IReadOnlyList<PrimBox> trajectory, PrimBox chosen, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.discovery/1");
        json.WriteString("method", "PRIM (Friedman and Fisher 1999), peeling alpha 0.05, minimum mass 0.05");
        json.WriteString("output", output);
        json.WriteNumber("above", above);
        json.WriteNumber("cases", cases.Inputs.Count);
        json.WriteNumber("of_interest", cases.Values.Count(v => v > above));
        json.WriteStartArray("trajectory");
        foreach (var box in trajectory)
        {
            json.WriteStartObject();
            json.WriteNumber("coverage", box.Coverage);
            json.WriteNumber("density", box.Density);
            json.WriteNumber("mass", box.Mass);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("box");
        json.WriteNumber("step", trajectory.ToList().IndexOf(chosen));
        json.WriteNumber("coverage", chosen.Coverage);
        json.WriteNumber("density", chosen.Density);
        json.WriteNumber("mass", chosen.Mass);
        json.WriteStartArray("restricted");
        foreach (var (input, lower, upper, quasiP) in Restricted(cases, interesting, chosen, trajectory[0]))
        {
            json.WriteStartObject();
            json.WriteString("parameter", cases.Parameters[input]);
            json.WriteNumber("lower", lower);
            json.WriteNumber("upper", upper);
            json.WriteNumber("quasi_p", quasiP);
            json.WriteBoolean("significant", quasiP < Significance);
            json.WriteNumber("full_lower", trajectory[0].Lower[input]);
            json.WriteNumber("full_upper", trajectory[0].Upper[input]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string Render(DiscoveryCases cases, IReadOnlyList<bool> interesting, string output, double above, IReadOnlyList<PrimBox> trajectory, PrimBox chosen)
    {
        string title = $"SupplySim scenario discovery: {output} above {Numbers.Axis(above)}";
        var html = new StringBuilder(1 << 14);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").Append(Esc(title))
            .Append("</title>\n<style>\n").Append(ReportStyles.Css).Append("\n</style>\n</head>\n<body>\n<h1>").Append(Esc(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Esc(string.Create(CultureInfo.InvariantCulture,
                $"PRIM over {cases.Inputs.Count} cases, {cases.Values.Count(v => v > above)} of them with {output} above {above:G6}. Chosen box: the densest with coverage of at least 50%: coverage {chosen.Coverage:0%}, density {chosen.Density:0%}, mass {chosen.Mass:0%}.")))
            .Append("</p>\n");
        var x = new LinearScale(0, 1, 60, 520);
        var y = new LinearScale(0, 1, 300, 20);
        var svg = new SvgBuilder(560, 345, "Peeling trajectory: coverage against density", cssClass: "chart");
        ChartFrame.Draw(svg, x, y, Numbers.AxisPercent, Numbers.AxisPercent, "coverage (share of cases of interest in the box)", "density");
        svg.Polyline(trajectory.Select(b => (x.Map(b.Coverage), y.Map(b.Density))), "#1f77b4", 1.5);
        foreach (var box in trajectory)
        {
            bool isChosen = ReferenceEquals(box, chosen);
            svg.Circle(x.Map(box.Coverage), y.Map(box.Density), isChosen ? 6 : 3, isChosen ? "#d62728" : "#1f77b4",
                string.Create(CultureInfo.InvariantCulture, $"coverage {box.Coverage:0.0%}, density {box.Density:0.0%}, mass {box.Mass:0.0%}"));
        }

        html.Append("<h2>Peeling trajectory</h2>\n").Append(svg).Append("<h2>The chosen box</h2>\n<table>\n<tr><th>parameter</th><th>box</th><th>full range</th><th>quasi-p</th></tr>\n");
        foreach (var (input, lower, upper, quasiP) in Restricted(cases, interesting, chosen, trajectory[0]))
        {
            html.Append("<tr><td>").Append(Esc(cases.Parameters[input])).Append("</td><td>").Append(Numbers.Axis(lower)).Append(" – ").Append(Numbers.Axis(upper))
                .Append("</td><td>").Append(Numbers.Axis(trajectory[0].Lower[input])).Append(" – ").Append(Numbers.Axis(trajectory[0].Upper[input]))
                .Append("</td><td>").Append(quasiP.ToString("G2", CultureInfo.InvariantCulture)).Append(quasiP < Significance ? "" : " (not significant)").Append("</td></tr>\n");
        }

        html.Append("</table>\n<p>Parameters not listed are not restricted. The quasi-p-value (as in EMA Workbench) is the binomial chance of the box's density if that restriction were lifted: restrictions at or above 0.05 are likely PRIM peeling noise.</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Esc(string text) => SvgBuilder.Escape(text);
}
