using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Everything the HTML report draws, already summarised: small enough to save next to a run
/// (<c>report-data.json</c>, see <see cref="ReportDataJson"/>) so <c>supplysim report DIR</c> can re-render the
/// report without the simulation. Immutable.
/// </summary>
/// <param name="Network">Network name.</param>
/// <param name="Start">Calendar date of day 0.</param>
/// <param name="Days">Horizon, days.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Trials">Trials per scenario.</param>
/// <param name="Graph">Nodes and lanes, for the diagram.</param>
/// <param name="Scenarios">Baseline first, then each scenario run.</param>
internal sealed record ReportData(string Network, DateOnly Start, double Days, ulong Seed, int Trials, NetworkGraph Graph,
    IReadOnlyList<ReportScenario> Scenarios)
{
    /// <summary>Default number of consumer × material series given fan charts.</summary>
    public const int DefaultMaxFans = 8;

    /// <summary>
    /// Summarises <paramref name="report"/>. Fan charts need the weekly series
    /// (<see cref="Simulation.MonteCarloOptions.RecordWeeklySeries"/>); without them the report has none. Key series
    /// are consumer × material pairs outside the <c>rest-of-world</c> sector, the <paramref name="maxFans"/> with
    /// the highest mean shortage fraction in any scenario, shown in network order.
    /// </summary>
    public static ReportData FromRun(RunReport report, int maxFans = DefaultMaxFans)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFans);
        return ReportDataBuilder.Build(report, maxFans);
    }
}
