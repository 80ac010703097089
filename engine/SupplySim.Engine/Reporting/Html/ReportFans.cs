using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Where the report's weekly fan charts come from. They show a few key consumers (<see cref="ReportData.DefaultMaxFans"/>),
/// chosen by results, so a run that cannot know them in advance keeps every consumer's weekly series: consumers ×
/// weeks × trials values per scenario, 3.7 MB per trial on a 21,805-lane network. Above <see cref="OnePassBytes"/> a
/// run keeps none, and once its results name the key consumers, runs the same trials again recording only theirs: the
/// same seed gives the same draws, so the charts are those one pass would have drawn, at the cost of simulating twice.
/// </summary>
internal static class ReportFans
{
    /// <summary>Most bytes of weekly series a run keeps to draw its fans in one pass.</summary>
    public const long OnePassBytes = 256L << 20;

    /// <summary>
    /// Bytes of weekly series for every consumer of <paramref name="scenarios"/> scenarios over <paramref name="trials"/>
    /// trials. The series are the network's demand holdings, the same in every scenario's <paramref name="layout"/>.
    /// </summary>
    public static long AllSeriesBytes(CompiledNetwork network, MetricLayout layout, int scenarios, int trials) =>
        (long)layout.DemandSeries.Count * scenarios * network.WeekCount * 2 * sizeof(double) * trials;

    /// <summary>
    /// <paramref name="report"/> (run with <paramref name="options"/>, without weekly series) with the weekly series of its
    /// key consumers, from a second run of the same trials that records only theirs.
    /// </summary>
    /// <param name="report">The first run's report; its results name the key consumers.</param>
    /// <param name="options">The first run's options.</param>
    /// <param name="maxFans">How many consumers the report charts.</param>
    /// <param name="run">Runs one scenario with the options given (progress, cancellation: the caller's).</param>
    public static RunReport RecordKeySeries(RunReport report, MonteCarloOptions options, int maxFans,
        Func<CompiledScenario, MonteCarloOptions, ScenarioResult> run)
    {
        // The rerun keeps the fewest columns and no monthly series: only its weekly series are used, the rest are this
        // run's. As many trials as the report has (a precision run may have stopped before options.Trials).
        var rerun = options with
        {
            Trials = report.Trials,
            RecordWeeklySeries = true,
            WeeklySeries = ReportDataBuilder.KeySeries(report, maxFans),
            RecordMonthlyLaneFlows = false,
            RecordMonthlyPrices = false,
            RecordColumnMeans = false,
            Detail = MetricDetail.Sectors,
        };
        return report.WithWeeklySeries([.. report.Results.Select(result => run(result.Scenario, rerun))]);
    }
}
