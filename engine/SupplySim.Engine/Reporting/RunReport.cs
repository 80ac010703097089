using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Reporting;

/// <summary>
/// The results of one run (baseline first, then the scenarios asked for) with their statistics: a summary of each
/// column over trials and, for every scenario, the paired difference against the baseline trial by trial.
/// Summaries are computed on first use and cached, or all at once by <see cref="ComputeAll"/>; not thread-safe
/// until <see cref="ComputeAll"/> has returned, after which it is only read.
/// </summary>
public sealed class RunReport
{
    private readonly Dictionary<(int, int, bool), MetricSummary> _cache = [];

    /// <summary>Creates a report; <paramref name="results"/>[0] must be the baseline.</summary>
    public RunReport(CompiledModel model, ulong seed, IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0 || results[0].Scenario.Id != "baseline")
        {
            throw new ArgumentException("the first result must be the baseline", nameof(results));
        }

        Model = model;
        Seed = seed;
        Results = results;
    }

    /// <summary>
    /// Creates the report of a streamed run: <paramref name="results"/> hold no trial values, and every summary and
    /// paired delta was computed while streaming (<paramref name="summaries"/>, keyed by scenario, column and paired).
    /// </summary>
    internal RunReport(CompiledModel model, ulong seed, IReadOnlyList<ScenarioResult> results,
        IReadOnlyDictionary<(int Scenario, int Column, bool Paired), MetricSummary> summaries, string quantileMethod)
        : this(model, seed, results)
    {
        foreach (var (key, summary) in summaries)
        {
            _cache[key] = summary;
        }

        QuantileMethod = quantileMethod;
    }

    /// <summary>
    /// This report with each result's weekly series taken from <paramref name="reruns"/> (the same trials run again,
    /// <see cref="ScenarioResult.WithWeeklySeries"/>); the summaries computed so far carry over, since the values are the same.
    /// </summary>
    internal RunReport WithWeeklySeries(IReadOnlyList<ScenarioResult> reruns)
    {
        var combined = new RunReport(Model, Seed, [.. Results.Select((result, s) => result.WithWeeklySeries(reruns[s]))]);
        foreach (var (key, summary) in _cache)
        {
            combined._cache[key] = summary;
        }

        return combined;
    }

    /// <summary>
    /// How quantiles, and histograms, were computed: <c>exact</c> (from the sorted trials), or
    /// <c>sketch:relative-0.005</c> for a streamed run (within 0.5% relative of the exact order statistics).
    /// </summary>
    public string QuantileMethod { get; } = "exact";

    /// <summary>The compiled model that was run.</summary>
    public CompiledModel Model { get; }

    /// <summary>The master seed.</summary>
    public ulong Seed { get; }

    /// <summary>Number of trials per scenario.</summary>
    public int Trials => Results[0].Trials;

    /// <summary>Baseline first, then each scenario run.</summary>
    public IReadOnlyList<ScenarioResult> Results { get; }

    /// <summary>Thresholds for <paramref name="metric"/>: the file's, plus 0 for shortage fraction (any shortage).</summary>
    public double[] Thresholds(Metric metric)
    {
        var fromFile = Model.Network.Thresholds.TryGetValue(MetricNames.Of(metric), out var t) ? t : [];
        return metric == Metric.ShortageFraction && !fromFile.Contains(0) ? [0, .. fromFile] : fromFile;
    }

    /// <summary>Summary over trials of column <paramref name="column"/> of scenario <paramref name="scenario"/>.</summary>
    public MetricSummary Summary(int scenario, int column) => Cached(scenario, column, paired: false);

    /// <summary>
    /// Mean over trials of column <paramref name="column"/> of scenario <paramref name="scenario"/>'s full layout (every
    /// column the kernel computes, <see cref="MetricDetail.All"/>): the kept column's summary mean when the run kept every
    /// column, else from the sums it recorded (<see cref="MonteCarloOptions.RecordColumnMeans"/>).
    /// </summary>
    internal double FullColumnMean(int scenario, int column)
    {
        var result = Results[scenario];
        if (result.Layout.Detail == MetricDetail.All)
        {
            return Summary(scenario, column).Mean;
        }

        return result.ColumnSums is { } sums ? sums.Mean(column)
            : throw new InvalidOperationException($"the run kept {result.Layout.Detail} columns only and recorded no column means (MonteCarloOptions.RecordColumnMeans)");
    }

    /// <summary>
    /// Summary of (scenario − baseline) trial by trial for a column shared with the baseline, or null for the
    /// baseline itself and for scenario-specific columns.
    /// </summary>
    public MetricSummary? Delta(int scenario, int column) => HasDelta(scenario, column) ? Cached(scenario, column, paired: true) : null;

    /// <summary>
    /// Computes every summary and paired delta now, in parallel (each is a function of its column alone, so the values
    /// are those computed on first use); afterwards the report is only read, so writers may run concurrently. A
    /// 1000-trial run of the shipped file has 3,294 of them (sorting, quantiles, intervals): ~0.14 s on two cores.
    /// </summary>
    public void ComputeAll(int maxDegreeOfParallelism = -1)
    {
        var keys = new List<(int Scenario, int Column, bool Paired)>();
        for (int s = 0; s < Results.Count; s++)
        {
            var layout = Results[s].Layout;
            for (int c = 0; c < layout.Width; c++)
            {
                keys.Add((s, c, false));
                if (HasDelta(s, c))
                {
                    keys.Add((s, c, true));
                }
            }
        }

        keys.RemoveAll(_cache.ContainsKey);
        var summaries = new MetricSummary[keys.Count];
        try
        {
            Parallel.For(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                i => summaries[i] = Compute(keys[i].Scenario, keys[i].Column, keys[i].Paired));
        }
        catch (AggregateException ex)
        {
            // As when computed on first use: the summary's own exception, not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        for (int i = 0; i < keys.Count; i++)
        {
            _cache[keys[i]] = summaries[i];
        }
    }

    /// <summary>Scenarios other than the baseline have a paired delta for each column they share with it.</summary>
    private bool HasDelta(int scenario, int column) => scenario > 0 && column < Results[scenario].Layout.CommonColumnCount;

    private MetricSummary Cached(int scenario, int column, bool paired)
    {
        if (!_cache.TryGetValue((scenario, column, paired), out var summary))
        {
            summary = Compute(scenario, column, paired);
            _cache[(scenario, column, paired)] = summary;
        }

        return summary;
    }

    private MetricSummary Compute(int scenario, int column, bool paired)
    {
        var result = Results[scenario];
        var metric = result.Layout.Columns[column].Metric;
        if (!paired)
        {
            return MetricSummary.Compute(result.Column(column), Thresholds(metric));
        }

        var baseline = Results[0].Column(column);
        double referenceDays = BaselineFooting.ReferenceDays(metric, result.Scenario, Model.Network.StepDays);
        var scenarioValues = BaselineFooting.Align(result.Column(column), baseline, referenceDays, new double[referenceDays == 0 ? 0 : baseline.Length]);
        return MetricSummary.ComputePaired(scenarioValues, baseline, []);
    }
}
