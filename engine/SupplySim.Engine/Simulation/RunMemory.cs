using SupplySim.Model;
using SupplySim.Simulation.Streaming;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Simulation;

/// <summary>
/// What a run will allocate, counted before it allocates: the kernels' block state (one per worker; a streamed
/// worker keeps one per scenario, sharing their network-sized state), the per-trial results kept in memory or the
/// two chunks of a streamed run, and an upper bound on the streamed statistics' sketches. The run's memory check
/// (SS0201) compares the total with what the machine can give; docs/large-networks.md explains the terms.
/// </summary>
internal sealed record RunMemory(long KernelBytes, long ResultBytes, long SketchBytes, int Workers)
{
    /// <summary>Most bytes one streamed metric's quantile sketch reaches: two stores (negative and positive values) of at most <see cref="SketchStore.MaxBuckets"/> counts.</summary>
    private const long SketchBytesPerMetric = 2L * SketchStore.MaxBuckets * sizeof(int);

    public long Total => KernelBytes + ResultBytes + SketchBytes;

    public static RunMemory For(CompiledModel model, IReadOnlyList<CompiledScenario> scenarios, MonteCarloOptions options, bool stream)
    {
        var network = model.Network;
        int workers = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(options.MaxDegreeOfParallelism, Math.Max(1, options.Trials));
        int lanes = options.Lanes == KernelWidth.Auto ? KernelWidth.Best : options.Lanes;
        var kernelLayouts = scenarios.Select(s => new MetricLayout(network, s)).ToArray();
        var kept = kernelLayouts.Select(layout => layout.Select(options.Detail)).ToArray();
        long[] perScenario = [.. scenarios.Select((s, i) =>
            KernelWidth.KernelBytes(lanes, network, s, kernelLayouts[i], options.Monthly, options.WeeklySeriesFor(kernelLayouts[i]).Length))];
        // A streamed worker's later scenarios share the first one's network-sized state.
        long streamedWorker = perScenario[0] + scenarios.Skip(1).Select((s, i) =>
            KernelWidth.KernelBytes(lanes, network, s, kernelLayouts[i + 1], shared: true)).Sum();
        long columns = kept.Sum(layout => (long)layout.Width);
        if (stream)
        {
            int chunk = StreamingMonteCarlo.ChunkTrialsFor(kept, StreamingMonteCarlo.DefaultChunkTrials, options.Trials);
            long paired = kept.Skip(1).Sum(layout => (long)layout.CommonColumnCount);
            return new RunMemory(workers * streamedWorker, 2 * columns * chunk * sizeof(double), (columns + paired) * SketchBytesPerMetric, workers);
        }

        long series = network.MonthlyWidth(options.Monthly) +
                      (options.WeeklySeriesFor(kernelLayouts[0]).Length * (long)network.WeekCount * 2);
        // Column sums (RecordColumnMeans): one set per worker while it runs, one per scenario kept with its result.
        long sums = options.RecordColumnMeans ? (workers + scenarios.Count) * kernelLayouts.Max(layout => (long)layout.Width) * ColumnSums.BytesPerColumn : 0;
        return new RunMemory(workers * perScenario.Max(), (((columns + (series * scenarios.Count)) * options.Trials) * sizeof(double)) + sums, 0, workers);
    }

    /// <summary>The terms in MiB, for the memory check's message.</summary>
    public string Describe() =>
        $"kernels {KernelBytes >> 20} MiB ({Workers} worker(s)), results {ResultBytes >> 20} MiB" + (SketchBytes > 0 ? $", statistics at most {SketchBytes >> 20} MiB" : "");
}
