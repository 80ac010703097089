using System.Globalization;
using System.Text;
using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// A plain-text summary (at most 100 columns; long descriptions wrap) of a run: per scenario and per sector × material, the probability of
/// any shortage, fill rate, shortage fraction P50/P95, mean delay P95 and, for scenarios, the paired change in
/// shortage fraction against the baseline with its 95% CI.
/// </summary>
internal static class ConsoleSummary
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
            foreach (var row in Rows(report, s))
            {
                string delta = row.DeltaMean is double mean
                    ? $"{SignedPercent(mean),7} [{SignedPercent(row.DeltaLow)}, {SignedPercent(row.DeltaHigh)}]"
                    : "";
                string shortCell = string.Create(CultureInfo.InvariantCulture, $"{row.AnyShortage,9:0.0%}");
                if (colour && row.AnyShortage > 0.05)
                {
                    // Escape codes wrap the padded cell, so columns stay aligned on screen.
                    shortCell = (row.AnyShortage > 0.5 ? "\u001b[31m" : "\u001b[33m") + shortCell + "\u001b[0m";
                }

                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Clip(row.Sector, 14),-14} {Clip(row.Material, 8),-8}{shortCell} {row.FillMean,9:0.0%} {row.ShortageP50,9:0.0%} {row.ShortageP95,9:0.0%} {row.DelayP95,8:0.0}d {delta}").TrimEnd());
            }
        }

        return text.ToString();
    }

    /// <summary>One summary row per sector × material of scenario <paramref name="scenario"/>, in result-column order.</summary>
    public static IReadOnlyList<ConsoleSummaryRow> Rows(RunReport report, int scenario)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<ConsoleSummaryRow>();
        var columns = report.Results[scenario].Layout.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Kind != EntityKind.Sector || columns[c].Metric != Metric.DemandT)
            {
                continue;
            }

            var fraction = report.Summary(scenario, c + 3);
            var delta = report.Delta(scenario, c + 3);
            rows.Add(new ConsoleSummaryRow(columns[c].Entity, columns[c].Material,
                fraction.Exceedances.FirstOrDefault(e => e.Threshold == 0).Probability, report.Summary(scenario, c + 1).Mean,
                fraction.P50, fraction.P95, report.Summary(scenario, c + 5).P95, delta?.Mean, delta?.Ci95Low ?? 0, delta?.Ci95High ?? 0));
        }

        return rows;
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
    public static string SignedPercent(double share) => share.ToString("+0.0%;-0.0%;+0.0%", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

/// <summary>One sector × material of a scenario in the end-of-run summary.</summary>
/// <param name="Sector">Sector.</param>
/// <param name="Material">Material.</param>
/// <param name="AnyShortage">Share of trials with any shortage.</param>
/// <param name="FillMean">Mean fill rate.</param>
/// <param name="ShortageP50">Median shortage fraction.</param>
/// <param name="ShortageP95">95th percentile of the shortage fraction.</param>
/// <param name="DelayP95">95th percentile of the mean delay, days.</param>
/// <param name="DeltaMean">Mean paired change in shortage fraction against the baseline (null for the baseline).</param>
/// <param name="DeltaLow">Its 95% CI, low end.</param>
/// <param name="DeltaHigh">Its 95% CI, high end.</param>
internal sealed record ConsoleSummaryRow(string Sector, string Material, double AnyShortage, double FillMean, double ShortageP50,
    double ShortageP95, double DelayP95, double? DeltaMean, double DeltaLow, double DeltaHigh);
