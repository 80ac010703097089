using System.Globalization;
using System.Text;
using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// A plain-text summary (at most 100 columns; long descriptions wrap) of a run: per scenario and per sector × material, the probability of
/// any shortage, fill rate, shortage fraction P50/P95, mean delay P95 and, for scenarios, the paired change in
/// shortage fraction against the baseline with its 95% CI.
/// </summary>
public static class ConsoleSummary
{
    /// <summary>The widest line <see cref="Format"/> writes, in characters.</summary>
    public const int Width = 100;

    /// <summary>Formats <paramref name="report"/>.</summary>
    /// <param name="report">The run.</param>
    /// <param name="colour">Colour the probability of shortage (ANSI; only for a terminal): red above 50%, yellow above 5%.</param>
    public static string Format(RunReport report, bool colour = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var net = report.Model.Network;
        Wrap(text, string.Create(CultureInfo.InvariantCulture,
            $"{net.Name}: {report.Trials} trials, seed {report.Seed}, {net.Steps * net.StepDays:0} days from {net.Start:yyyy-MM-dd}"));
        for (int s = 0; s < report.Results.Count; s++)
        {
            var result = report.Results[s];
            text.AppendLine();
            Wrap(text, $"scenario {result.Scenario.Id}: {result.Scenario.Description}");
            text.AppendLine("  sector         material P(short) fill mean short P50 short P95 delay P95 Δshort mean [95% CI]");
            var columns = result.Layout.Columns;
            for (int c = 0; c < columns.Count; c++)
            {
                if (columns[c].Kind != EntityKind.Sector || columns[c].Metric != Metric.DemandT)
                {
                    continue;
                }

                var fill = report.Summary(s, c + 1);
                var fraction = report.Summary(s, c + 3);
                var delay = report.Summary(s, c + 5);
                double anyShort = fraction.Exceedances.FirstOrDefault(e => e.Threshold == 0).Probability;
                string delta = report.Delta(s, c + 3) is { } d
                    ? $"{SignedPercent(d.Mean),7} [{SignedPercent(d.Ci95Low)}, {SignedPercent(d.Ci95High)}]"
                    : "";
                string shortCell = string.Create(CultureInfo.InvariantCulture, $"{anyShort,9:0.0%}");
                if (colour && anyShort > 0.05)
                {
                    // Escape codes wrap the padded cell, so columns stay aligned on screen.
                    shortCell = (anyShort > 0.5 ? "\u001b[31m" : "\u001b[33m") + shortCell + "\u001b[0m";
                }

                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Clip(columns[c].Entity, 14),-14} {Clip(columns[c].Material, 8),-8}{shortCell} {fill.Mean,9:0.0%} {fraction.P50,9:0.0%} {fraction.P95,9:0.0%} {delay.P95,8:0.0}d {delta}").TrimEnd());
            }
        }

        return text.ToString();
    }

    /// <summary>Appends <paramref name="line"/> wrapped at word boundaries to <see cref="Width"/> columns, continuation lines indented.</summary>
    private static void Wrap(StringBuilder text, string line)
    {
        string indent = "";
        while (indent.Length + line.Length > Width)
        {
            int limit = Width - indent.Length;
            int cut = line.LastIndexOf(' ', limit);
            cut = cut <= 0 ? limit : cut;
            text.Append(indent).AppendLine(line[..cut]);
            line = line[cut..].TrimStart();
            indent = "    ";
        }

        text.Append(indent).AppendLine(line);
    }

    /// <summary>
    /// A share as a signed percentage, one decimal: "+1.5%", "-0.3%", and "+0.0%" for anything that rounds to zero
    /// (the zero section: without it, −0 and tiny negative values print as "-+0.0%").
    /// </summary>
    internal static string SignedPercent(double share) => share.ToString("+0.0%;-0.0%;+0.0%", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
