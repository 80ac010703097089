using System.Globalization;
using System.Text;
using SupplySim.Model;
using SupplySim.Reporting.Graph;
using SupplySim.Reporting.Html;
using SupplySim.Scenario;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Cli.Workbench;

/// <summary>One headline row: a sector's material, unchanged against the what-if on the same trials, with the paired change.</summary>
internal sealed record WhatIfRow(string Sector, string Material, double ShortBefore, double ShortAfter, double MeanBefore, double MeanAfter,
    double Delta, double DeltaLow, double DeltaHigh);

/// <summary>The unchanged and the edited scenario's results on the same trials.</summary>
internal sealed record WhatIfRuns(ScenarioResult Before, ScenarioResult After, int Weeks);

/// <summary>What one what-if answered at a trial count: the headline rows and the charts as inline SVG.</summary>
internal sealed record WhatIfAnswer(int Trials, IReadOnlyList<WhatIfRow> Rows, string ChartsHtml);

/// <summary>
/// Runs a scenario of the unchanged file and the same scenario of the edited file on the same seed and trials
/// (common random numbers) and compares them per sector and material: P(any shortage), mean shortage fraction,
/// and the mean paired change with its 95% confidence interval (the report's paired statistics).
/// </summary>
internal static class WhatIf
{
    /// <summary>Runs both and compares them, in one go.</summary>
    public static WhatIfAnswer Run(CompiledModel original, CompiledModel edited, string scenarioId, int trials, ulong seed, CancellationToken cancellationToken) =>
        Compare(Simulate(original, edited, scenarioId, 0, trials, seed,
            options => MonteCarlo.Run(original, original.Find(scenarioId)!, options, cancellationToken: cancellationToken), cancellationToken));

    /// <summary>
    /// Trials <paramref name="firstTrial"/> to <paramref name="firstTrial"/> + <paramref name="trials"/> − 1 of the
    /// scenario, unchanged and edited. Trials have their own random streams, so a later batch extends an earlier one
    /// (<see cref="Extend"/>) to exactly what one run of all the trials gives.
    /// </summary>
    /// <param name="original">The file as written.</param>
    /// <param name="edited">The file with the edits, or null when there are none (the what-if is the unchanged run).</param>
    /// <param name="scenarioId">The scenario.</param>
    /// <param name="firstTrial">The batch's first trial.</param>
    /// <param name="trials">The batch's trial count.</param>
    /// <param name="seed">The seed of both runs.</param>
    /// <param name="unchanged">The unchanged run of this batch (which no edit changes), computed and kept by the caller.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    public static WhatIfRuns Simulate(CompiledModel original, CompiledModel? edited, string scenarioId, int firstTrial, int trials, ulong seed,
        Func<MonteCarloOptions, ScenarioResult> unchanged, CancellationToken cancellationToken)
    {
        var options = Options(firstTrial, trials, seed);
        var before = unchanged(options);
        var after = edited is null ? before : MonteCarlo.Run(edited, edited.Find(scenarioId)!, options, cancellationToken: cancellationToken);
        return new WhatIfRuns(before, after, original.Network.WeekCount);
    }

    /// <summary>The options of a workbench batch: weekly series for the fan charts.</summary>
    public static MonteCarloOptions Options(int firstTrial, int trials, ulong seed) =>
        new(trials, seed, RecordWeeklySeries: true) { FirstTrial = firstTrial };

    /// <summary>The trials of <paramref name="head"/> followed by those of <paramref name="tail"/>.</summary>
    public static WhatIfRuns Extend(WhatIfRuns head, WhatIfRuns tail) =>
        new(ScenarioResult.Concatenate([head.Before, tail.Before]), ScenarioResult.Concatenate([head.After, tail.After]), head.Weeks);

    /// <summary>The headline rows and charts of a pair of runs on the same trials.</summary>
    public static WhatIfAnswer Compare(WhatIfRuns runs)
    {
        var (before, after) = (runs.Before, runs.After);
        var rows = new List<WhatIfRow>();
        var columns = before.Layout.Columns;
        var afterColumns = after.Layout.Columns.ToList();
        var charts = new StringBuilder();
        for (int c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            int a = afterColumns.IndexOf(column);
            if (column.Kind != EntityKind.Sector || column.Metric != Metric.ShortageFraction || a < 0)
            {
                continue;
            }

            var x = before.Column(c);
            var y = after.Column(a);
            var delta = MetricSummary.ComputePaired(y, x, [], 1);
            rows.Add(new WhatIfRow(column.Entity, column.Material, Share(x), Share(y), Mean(x), Mean(y), delta.Mean, delta.Ci95Low, delta.Ci95High));
            if (Share(x) > 0 || Share(y) > 0)
            {
                charts.Append(Distribution(column.Entity, column.Material, x, y));
            }
        }

        return new WhatIfAnswer(before.Trials, rows, FanCharts(before, after, runs.Weeks) + charts.ToString());
    }

    /// <summary>
    /// Weekly fill rate over time, P10–P90 band and median, unchanged (grey) against the what-if (red), for the consumers
    /// and materials whose worst week falls below full fill in either: at most six, the worst first.
    /// </summary>
    private static string FanCharts(ScenarioResult before, ScenarioResult after, int weeks)
    {
        var series = before.Layout.DemandSeries;
        var columns = before.Layout.Columns.ToList();
        var buffer = new double[before.Trials];
        var bands = new List<(double Worst, string Svg)>();
        for (int s = 0; s < series.Count && weeks > 0; s++)
        {
            var (consumer, material) = series[s];
            // Only consumers short in some trial, before or after: their bands are the ones that leave 100%.
            int column = columns.IndexOf(new MetricColumn(EntityKind.Consumer, consumer, material, Metric.ShortageT));
            if (column < 0 || (Share(before.Column(column)) == 0 && Share(after.Column(column)) == 0))
            {
                continue;
            }

            var x = Bands(before, s, weeks, buffer);
            var y = Bands(after, s, weeks, buffer);
            double worst = Math.Min(x.Min(b => b.P10), y.Min(b => b.P10));
            if (worst >= 0.999)
            {
                continue;
            }

            var time = new LinearScale(0, weeks, 45, 330);
            var fill = new LinearScale(0, 1, 170, 15);
            var svg = new SvgBuilder(340, 205, $"Weekly fill rate of {consumer} {material}: P10-P90 and median, unchanged against the what-if", cssClass: "chart wb fan");
            ChartFrame.Draw(svg, time, fill, v => Numbers.Axis(v), Numbers.AxisPercent, $"{consumer} {material}: week", "fill rate");
            foreach (var (b, colour) in new[] { (x, "#999999"), (y, "#d62728") })
            {
                svg.Polygon(b.Select((w, i) => (time.Map(i + 0.5), fill.Map(w.P90))).Concat(b.Select((w, i) => (time.Map(i + 0.5), fill.Map(w.P10))).Reverse()), colour, 0.2);
                svg.Polyline(b.Select((w, i) => (time.Map(i + 0.5), fill.Map(w.P50))), colour, 1.5);
            }

            bands.Add((worst, svg.ToString()));
        }

        return string.Concat(bands.OrderBy(b => b.Worst).Take(6).Select(b => b.Svg));
    }

    /// <summary>Per week, the P10, median and P90 of the fill rate over trials (a week without demand counts as filled).</summary>
    private static List<(double P10, double P50, double P90)> Bands(ScenarioResult result, int series, int weeks, double[] buffer)
    {
        var bands = new List<(double, double, double)>(weeks);
        for (int w = 0; w < weeks; w++)
        {
            var fill = result.WeeklyFill(series, w);
            for (int t = 0; t < fill.Length; t++)
            {
                buffer[t] = double.IsNaN(fill[t]) ? 1 : fill[t];
            }

            Array.Sort(buffer, 0, fill.Length);
            bands.Add((Quantile(buffer, fill.Length, 0.1), Quantile(buffer, fill.Length, 0.5), Quantile(buffer, fill.Length, 0.9)));
        }

        return bands;
    }

    private static double Quantile(double[] sorted, int count, double p) => count == 0 ? 1 : sorted[(int)Math.Min(count - 1, Math.Floor(p * count))];

    private static double Share(ReadOnlySpan<double> values)
    {
        int count = 0;
        foreach (double v in values)
        {
            count += v > 0 ? 1 : 0;
        }

        return count / (double)values.Length;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>The distribution of the shortage fraction over trials, unchanged (grey) against the what-if (red), as a CDF.</summary>
    private static string Distribution(string sector, string material, ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var x = new LinearScale(0, 1, 45, 330);
        var y = new LinearScale(0, 1, 170, 15);
        var svg = new SvgBuilder(340, 205, $"Shortage fraction of {sector} {material} over trials: unchanged against the what-if", cssClass: "chart wb");
        ChartFrame.Draw(svg, x, y, Numbers.AxisPercent, Numbers.AxisPercent, $"{sector} {material}: shortage fraction", "share of trials ≤");
        svg.Polyline(Steps(before, x, y), "#999999", 2);
        svg.Polyline(Steps(after, x, y), "#d62728", 2);
        return svg.ToString();
    }

    private static List<(double X, double Y)> Steps(ReadOnlySpan<double> values, LinearScale x, LinearScale y)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        // At most 200 steps whatever the trial count: the chart stays a few kilobytes.
        var points = new List<(double, double)> { (x.Map(0), y.Map(0)) };
        int steps = Math.Min(200, sorted.Length);
        for (int k = 0; k < steps; k++)
        {
            int i = (int)((long)k * sorted.Length / steps), next = (int)((long)(k + 1) * sorted.Length / steps);
            points.Add((x.Map(sorted[next - 1]), y.Map(i / (double)sorted.Length)));
            points.Add((x.Map(sorted[next - 1]), y.Map(next / (double)sorted.Length)));
        }

        points.Add((x.Map(1), y.Map(1)));
        return points;
    }

    /// <summary>Compiles edited scenario text with the CLI's loader and compiler; the model, or the errors as (line, column, code, message).</summary>
    public static (CompiledModel? Model, List<Diagnostic> Errors) Compile(string text, string file)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.Load(text, file, diagnostics);
        var model = document is null || diagnostics.HasErrors ? null : NetworkCompiler.Compile(document, diagnostics);
        return (model, [.. diagnostics.Items.Where(d => d.Severity == Severity.Error)]);
    }

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
