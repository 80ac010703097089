namespace SupplySim.Simulation;

/// <summary>How many trials to run, from which seed, on how many threads.</summary>
/// <param name="Trials">Number of trials, at least 1.</param>
/// <param name="Seed">Master seed; each trial's streams derive from (seed, trial, purpose).</param>
/// <param name="MaxDegreeOfParallelism">Worker threads; -1 for all cores. Never changes the results.</param>
/// <param name="RecordMonthlyLaneFlows">Also keep each trial's tonnes shipped per lane and calendar month (backtests).</param>
/// <param name="RecordWeeklySeries">Also keep each trial's weekly cover (days) and fill rate per consumer and material (fan charts).</param>
public sealed record MonteCarloOptions(int Trials, ulong Seed, int MaxDegreeOfParallelism = -1, bool RecordMonthlyLaneFlows = false,
    bool RecordWeeklySeries = false)
{
    /// <summary>
    /// Also keep each trial's mean price per market and calendar month (the report's price fans), without the lanes'
    /// monthly flows that <see cref="RecordMonthlyLaneFlows"/> keeps with them: markets × months values per trial
    /// instead of (lanes + markets) × months.
    /// </summary>
    public bool RecordMonthlyPrices { get; init; }

    /// <summary>What the kernel records per month: lane flows and prices, prices only, or nothing.</summary>
    internal MonthlySeries Monthly =>
        RecordMonthlyLaneFlows ? MonthlySeries.LaneFlowsAndPrices : RecordMonthlyPrices ? MonthlySeries.Prices : MonthlySeries.None;

    /// <summary>Which result columns the run keeps (default all); the kernel computes every one regardless.</summary>
    public MetricDetail Detail { get; init; } = MetricDetail.All;

    /// <summary>
    /// Also keep every column's mean over trials, those <see cref="Detail"/> leaves out included (exact fixed-point sums,
    /// 16 bytes a column): the report's lane flows and key consumers on a network too large to keep every column.
    /// </summary>
    internal bool RecordColumnMeans { get; init; }

    /// <summary>Trials per kernel block, 1, 2, 4 or 8, or <see cref="KernelWidth.Auto"/> (tests compare them; the results are the same).</summary>
    internal int Lanes { get; init; }

    /// <summary>
    /// When set, each trial draws its calibrated parameters from these particles (by weight, from the trial's own stream)
    /// instead of their priors; everything else is drawn as without it.
    /// </summary>
    public Calibration.Posterior? Posterior { get; init; }

    /// <summary>
    /// With <see cref="RecordWeeklySeries"/>, the demand series to record (indices into <see cref="MetricLayout.DemandSeries"/>);
    /// null records every one. A report of a large network records only the consumers it charts: every series of every
    /// trial is consumers × weeks × trials values.
    /// </summary>
    public IReadOnlyList<int>? WeeklySeries { get; init; }

    /// <summary>The demand series this run records weekly, ascending and distinct: none, <see cref="WeeklySeries"/>, or all of <paramref name="layout"/>'s.</summary>
    internal int[] WeeklySeriesFor(MetricLayout layout)
    {
        if (!RecordWeeklySeries)
        {
            return [];
        }

        if (WeeklySeries is null)
        {
            return [.. Enumerable.Range(0, layout.DemandSeries.Count)];
        }

        foreach (int series in WeeklySeries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(series, nameof(WeeklySeries));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(series, layout.DemandSeries.Count, nameof(WeeklySeries));
        }

        return [.. WeeklySeries.Distinct().Order()];
    }

    /// <summary>The index of the first trial run (batches of a precision run); trial rows never depend on it.</summary>
    internal long FirstTrial { get; init; }

    /// <summary>The kernel's overrides: the posterior's, or the calibration's candidate (internal).</summary>
    internal ParameterOverrides? Overrides { get; init; }

    internal ParameterOverrides? OverridesFor(Model.CompiledNetwork network)
    {
        if (Overrides is not null)
        {
            return Overrides;
        }

        if (Posterior is null)
        {
            return null;
        }

        if (Posterior.Mismatch(network) is { } problem)
        {
            throw new InvalidOperationException($"the posterior cannot drive this network: {problem}");
        }

        return Posterior.ToOverrides(network.Parameters);
    }

    /// <summary>Throws when the options cannot be run.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1);
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "must be -1 or at least 1");
        }
    }
}
