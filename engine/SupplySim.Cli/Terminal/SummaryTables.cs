using System.Globalization;
using Spectre.Console;
using SupplySim.Reporting;

namespace SupplySim.Cli;

/// <summary>
/// The end-of-run summary as Spectre.Console tables, one per scenario, on a decorated terminal: the same rows as the
/// plain text (<see cref="ConsoleSummary"/>), with the probability of shortage coloured (red above 50%, yellow above 5%).
/// </summary>
internal static class SummaryTables
{
    public static void Write(RunReport report)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var net = report.Model.Network;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{net.Name}: {report.Trials} trials, seed {report.Seed}, {net.Steps * net.StepDays:0} days from {net.Start:yyyy-MM-dd}")));
        for (int s = 0; s < report.Results.Count; s++)
        {
            var scenario = report.Results[s].Scenario;
            var table = new Table().Title(Markup.Escape($"{scenario.Id}: {scenario.Description}")).Border(TableBorder.Simple);
            table.AddColumn(new TableColumn("sector").NoWrap());
            table.AddColumn(new TableColumn("material").NoWrap());
            foreach (string heading in new[] { "P(short)", "fill mean", "short P50", "short P95", "delay P95" })
            {
                table.AddColumn(new TableColumn(heading).RightAligned());
            }

            bool deltas = s > 0;
            if (deltas)
            {
                table.AddColumn(new TableColumn(Markup.Escape("Δshort mean [95% CI]")).RightAligned());
            }

            foreach (var row in ConsoleSummary.Rows(report, s))
            {
                string anyShort = Percent(row.AnyShortage);
                anyShort = row.AnyShortage > 0.5 ? $"[red]{anyShort}[/]" : row.AnyShortage > 0.05 ? $"[yellow]{anyShort}[/]" : anyShort;
                var cells = new List<string>
                {
                    Markup.Escape(row.Sector), Markup.Escape(row.Material), anyShort, Percent(row.FillMean), Percent(row.ShortageP50),
                    Percent(row.ShortageP95), row.DelayP95.ToString("0.0", CultureInfo.InvariantCulture) + "d",
                };
                if (deltas)
                {
                    cells.Add(row.DeltaMean is double mean
                        ? Markup.Escape($"{ConsoleSummary.SignedPercent(mean)} [{ConsoleSummary.SignedPercent(row.DeltaLow)}, {ConsoleSummary.SignedPercent(row.DeltaHigh)}]")
                        : "");
                }

                table.AddRow([.. cells]);
            }

            console.Write(table);
        }
    }

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
