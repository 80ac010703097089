using System.Globalization;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// A run whose memory does not grow with the number of trials: trials stream in chunks
/// (<see cref="StreamingMonteCarlo"/>) to streaming statistics and straight to <c>trials.csv</c> and
/// <c>trials.parquet</c>, and only the summaries are kept.
/// </summary>
/// <remarks>
/// Count, mean, standard deviation, CI, min, max and threshold probabilities match the exact path up to
/// floating-point rounding of the merge; quantiles come from a sketch within <see cref="RelativeAccuracy"/> of the
/// exact order statistics (down to magnitudes 7.8·10^8 below the largest, an absolute floor below that), and
/// histograms from the sketch's buckets (docs/metrics.md). <c>trials.csv</c> is byte-identical to the exact path's;
/// <c>trials.parquet</c> has the same rows, in row groups of at most 131,072 rows within a chunk. Results are
/// bit-identical whatever the thread count. Peak memory does not depend on the number of trials: two chunks, one
/// Parquet column buffer, a small buffer per CSV spool and at most 16 KiB of sketch per metric.
/// </remarks>
internal static class StreamingRun
{
    /// <summary>Relative accuracy of streamed quantiles: each lies within a factor 1 ± this of the exact order statistic.</summary>
    public const double RelativeAccuracy = QuantileSketch.RelativeAccuracy;

    /// <summary>The <see cref="RunReport.QuantileMethod"/> of a streamed run.</summary>
    public static string QuantileMethod { get; } =
        string.Create(CultureInfo.InvariantCulture, $"sketch:relative-{RelativeAccuracy}");

    /// <summary>
    /// Runs <paramref name="scenarios"/> (baseline first), writes <c>trials.csv</c> and <c>trials.parquet</c> to
    /// <paramref name="outDir"/> (each under a temporary name, both renamed when complete) and returns the report, whose
    /// results hold no per-trial values (<see cref="ScenarioResult.HasTrialValues"/> is false).
    /// </summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="scenarios">Scenarios to run, the baseline first.</param>
    /// <param name="options">Trials, seed and threads; monthly and weekly series must be off.</param>
    /// <param name="outDir">Folder for the per-trial files; created if missing.</param>
    /// <param name="progress">Receives the number of trials completed (every scenario), after each chunk.</param>
    /// <param name="chunkTrials">Trials per chunk.</param>
    /// <param name="cancellationToken">Stops the run; no final file is left behind.</param>
    public static RunReport Run(CompiledModel model, IReadOnlyList<CompiledScenario> scenarios, MonteCarloOptions options,
        string outDir, IProgress<int>? progress = null, int chunkTrials = StreamingMonteCarlo.DefaultChunkTrials,
        CancellationToken cancellationToken = default)
    {
        using var files = new PendingFiles();
        var report = Run(model, scenarios, options, outDir, files, progress, chunkTrials, cancellationToken);
        files.Commit();
        return report;
    }

    /// <summary>
    /// As above, but the two trials files join <paramref name="files"/> instead of being renamed into place, so the
    /// caller can commit them together with the files it writes from the report (<c>summary.json</c>).
    /// </summary>
    public static RunReport Run(CompiledModel model, IReadOnlyList<CompiledScenario> scenarios, MonteCarloOptions options,
        string outDir, PendingFiles files, IProgress<int>? progress = null, int chunkTrials = StreamingMonteCarlo.DefaultChunkTrials,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outDir);
        options.Validate();
        var layouts = scenarios.Select(s => new MetricLayout(model.Network, s).Select(options.Detail)).ToArray();
        var results = scenarios.Select((s, i) => new ScenarioResult(s, layouts[i], options.Trials, null, null, 0, null, 0, [], monthlyLaneFlows: false)).ToArray();
        var thresholds = new RunReport(model, options.Seed, results);
        int capacity = StreamingMonteCarlo.ChunkTrialsFor(layouts, chunkTrials, options.Trials);
        var index = new TrialRowIndex(layouts);
        string[] ids = [.. scenarios.Select(s => s.Id)];
        Directory.CreateDirectory(outDir);
        var statistics = new RunStatisticsSink(scenarios, layouts, model.Network.StepDays, thresholds.Thresholds, capacity);
        using var csv = new TrialCsvSpool(Path.Combine(outDir, "trials.csv"), index, ids);
        using var parquet = new TrialParquetStream(Path.Combine(outDir, "trials.parquet"), index, ids, capacity);
        var sink = new FanOut(statistics, csv, parquet);
        StreamingMonteCarlo.Run(model, scenarios, options, sink, progress, capacity, cancellationToken);
        csv.Complete(files);
        parquet.Complete(files);
        return new RunReport(model, options.Seed, results, statistics.Summaries(), QuantileMethod);
    }

    /// <summary>
    /// Hands each chunk to independent sinks at once; each still sees the chunks in order. When sinks fail (both
    /// files on a full disk), the failure of the first failing sink, in the order given, is thrown as itself, not
    /// wrapped: the same error is reported whichever sink failed first.
    /// </summary>
    private sealed class FanOut(params ITrialChunkSink[] sinks) : ITrialChunkSink
    {
        public void Consume(TrialChunk chunk)
        {
            var failures = new Exception?[sinks.Length];
            Parallel.For(0, sinks.Length, i =>
            {
                try
                {
                    sinks[i].Consume(chunk);
                }
#pragma warning disable CA1031 // Rethrown below, on the calling thread, in sink order.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures[i] = ex;
                }
            });
            if (failures.FirstOrDefault(f => f is not null) is { } first)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
        }
    }
}
