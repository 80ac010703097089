using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The per-trial metrics of one scenario, stored column by column (<c>[column * Trials + trial]</c>) so that each
/// metric's distribution is one contiguous span.
/// </summary>
public sealed class ScenarioResult
{
    private readonly double[]? _values;

    private readonly double[]? _monthly;
    private readonly int _months;

    /// <summary>Whether <see cref="_monthly"/> starts with every lane's flows (else it holds only the markets' prices).</summary>
    private readonly bool _monthlyLaneFlows;

    private readonly double[]? _weekly;
    private readonly int _weeks;

    /// <summary>The demand series recorded weekly, ascending: row <c>i</c> of <see cref="_weekly"/> is series <c>_weeklySeries[i]</c>.</summary>
    private readonly int[] _weeklySeries;

    internal ScenarioResult(CompiledScenario scenario, MetricLayout layout, int trials, double[]? values, double[]? monthly, int months,
        double[]? weekly, int weeks, int[] weeklySeries, bool monthlyLaneFlows)
    {
        _monthlyLaneFlows = monthly is not null && monthlyLaneFlows;
        _weekly = weekly;
        _weeks = weeks;
        _weeklySeries = weekly is null ? [] : weeklySeries;
        Scenario = scenario;
        Layout = layout;
        Trials = trials;
        _values = values;
        _monthly = monthly;
        _months = months;
    }

    /// <summary>True when monthly lane flows were recorded (<see cref="MonteCarloOptions.RecordMonthlyLaneFlows"/>).</summary>
    public bool HasMonthlyLaneFlows => _monthlyLaneFlows;

    /// <summary>True when monthly market prices were recorded (<see cref="MonteCarloOptions.RecordMonthlyPrices"/>, or with the lane flows).</summary>
    public bool HasMonthlyPrices => _monthly is not null;

    /// <summary>True when weekly cover and fill series were recorded (<see cref="MonteCarloOptions.RecordWeeklySeries"/>).</summary>
    public bool HasWeeklySeries => _weekly is not null;

    /// <summary>The demand series whose weekly cover and fill were recorded (indices into <see cref="MetricLayout.DemandSeries"/>), ascending.</summary>
    public IReadOnlyList<int> WeeklySeriesRecorded => _weeklySeries;

    /// <summary>
    /// Mean on-hand cover (days of mean demand) of series <paramref name="series"/> (an index into
    /// <see cref="MetricLayout.DemandSeries"/>) in week <paramref name="week"/> of the run, one value per trial.
    /// </summary>
    public ReadOnlySpan<double> WeeklyCover(int series, int week) => Weekly(series, week, 0);

    /// <summary>Fill rate of series <paramref name="series"/> in week <paramref name="week"/> (1 without demand), one value per trial.</summary>
    public ReadOnlySpan<double> WeeklyFill(int series, int week) => Weekly(series, week, 1);

    private ReadOnlySpan<double> Weekly(int series, int week, int which)
    {
        if (_weekly is null)
        {
            throw new InvalidOperationException("weekly series were not recorded; set MonteCarloOptions.RecordWeeklySeries");
        }

        int row = Array.BinarySearch(_weeklySeries, series);
        if (row < 0)
        {
            throw new InvalidOperationException($"weekly series {series} was not recorded; MonteCarloOptions.WeeklySeries chose {_weeklySeries.Length} others");
        }

        return _weekly.AsSpan(((((row * _weeks) + week) * 2) + which) * Trials, Trials);
    }

    /// <summary>Tonnes shipped on <paramref name="lane"/> in calendar month <paramref name="month"/> of the run, one value per trial.</summary>
    public ReadOnlySpan<double> MonthlyLaneFlow(int lane, int month)
    {
        if (!HasMonthlyLaneFlows)
        {
            throw new InvalidOperationException("monthly lane flows were not recorded; set MonteCarloOptions.RecordMonthlyLaneFlows");
        }

        return Monthly(lane, month);
    }

    /// <summary>
    /// Mean price (USD/t) of market <paramref name="market"/> (an index into the network's markets) over the steps
    /// of calendar month <paramref name="month"/>, one value per trial.
    /// </summary>
    public ReadOnlySpan<double> MonthlyMarketPrice(int market, int month)
    {
        if (_monthly is null)
        {
            throw new InvalidOperationException("monthly prices were not recorded; set MonteCarloOptions.RecordMonthlyPrices");
        }

        return Monthly((_monthlyLaneFlows ? Layout.LaneCount : 0) + market, month);
    }

    /// <summary>Row <paramref name="row"/> (a lane, then the markets) of the monthly series in month <paramref name="month"/>.</summary>
    private ReadOnlySpan<double> Monthly(int row, int month) => _monthly.AsSpan(((row * _months) + month) * Trials, Trials);

    /// <summary>Bytes of the per-trial values, series and column sums this result holds (what keeping it costs).</summary>
    internal long HeldBytes =>
        (((long)(_values?.Length ?? 0) + (_monthly?.Length ?? 0) + (_weekly?.Length ?? 0)) * sizeof(double)) +
        ((long)(ColumnSums?.Width ?? 0) * ColumnSums.BytesPerColumn);

    /// <summary>Every column's sums over trials, when recorded (<see cref="MonteCarloOptions.RecordColumnMeans"/>).</summary>
    internal ColumnSums? ColumnSums { get; init; }

    /// <summary>The scenario run.</summary>
    public CompiledScenario Scenario { get; }

    /// <summary>What each column means.</summary>
    public MetricLayout Layout { get; }

    /// <summary>Number of trials.</summary>
    public int Trials { get; }

    /// <summary>
    /// True when the per-trial values are held in memory; false for a streamed run, whose values went to disk and
    /// whose statistics were computed on the way (<see cref="Streaming.StreamingMonteCarlo"/>).
    /// </summary>
    public bool HasTrialValues => _values is not null;

    /// <summary>
    /// This result with the weekly series of <paramref name="rerun"/>: the same scenario's trials run again (same seed,
    /// so the same draws and numbers) recording the weekly series this run did not keep.
    /// </summary>
    internal ScenarioResult WithWeeklySeries(ScenarioResult rerun)
    {
        if (rerun.Scenario != Scenario || rerun.Trials != Trials || rerun._weekly is null)
        {
            throw new ArgumentException("the rerun must be of the same scenario and trials, with weekly series", nameof(rerun));
        }

        return new ScenarioResult(Scenario, Layout, Trials, _values, _monthly, _months, rerun._weekly, rerun._weeks, rerun._weeklySeries,
            _monthlyLaneFlows) { ColumnSums = ColumnSums };
    }

    /// <summary>
    /// The trials of <paramref name="parts"/> (consecutive batches of one scenario, in order) as one result: the same
    /// values a single run of all their trials gives.
    /// </summary>
    internal static ScenarioResult Concatenate(IReadOnlyList<ScenarioResult> parts)
    {
        var first = parts[0];
        int trials = parts.Sum(p => p.Trials);
        return new ScenarioResult(first.Scenario, first.Layout, trials, Join(parts, p => p._values, trials), Join(parts, p => p._monthly, trials),
            first._months, Join(parts, p => p._weekly, trials), first._weeks, first._weeklySeries, first._monthlyLaneFlows)
        {
            ColumnSums = ColumnSums.Combine(parts.Select(p => p.ColumnSums)),
        };
    }

    /// <summary>Column-major arrays of the parts joined column by column.</summary>
    private static double[]? Join(IReadOnlyList<ScenarioResult> parts, Func<ScenarioResult, double[]?> array, int trials)
    {
        if (array(parts[0]) is not { } head)
        {
            return null;
        }

        int columns = head.Length / parts[0].Trials;
        var joined = new double[(long)columns * trials];
        int offset = 0;
        foreach (var part in parts)
        {
            var values = array(part)!;
            for (int c = 0; c < columns; c++)
            {
                Array.Copy(values, (long)c * part.Trials, joined, ((long)c * trials) + offset, part.Trials);
            }

            offset += part.Trials;
        }

        return joined;
    }

    /// <summary>The values of column <paramref name="column"/>, one per trial in trial order.</summary>
    /// <exception cref="InvalidOperationException">The run was streamed (<see cref="HasTrialValues"/> is false).</exception>
    public ReadOnlySpan<double> Column(int column)
    {
        if (_values is null)
        {
            throw new InvalidOperationException("per-trial values of a streamed run are not kept in memory; read trials.csv or trials.parquet");
        }

        return _values.AsSpan(column * Trials, Trials);
    }
}
