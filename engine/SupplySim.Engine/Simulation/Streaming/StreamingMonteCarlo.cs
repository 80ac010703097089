using System.Collections.Concurrent;
using SupplySim.Model;

namespace SupplySim.Simulation.Streaming;

/// <summary>
/// Runs the baseline and scenarios of a model together in fixed chunks of trials and hands each chunk to a sink, so
/// memory depends on the chunk size and the row width, never on the number of trials.
/// </summary>
/// <remarks>
/// Within a chunk, trials run in parallel on per-worker kernels (one per scenario) that are reused across chunks;
/// each trial draws only from its own streams and writes only its own cells. Chunks reach the sink strictly in
/// trial order, one at a time, so any reduction the sink does is bit-identical whatever the thread count. The sink
/// works on chunk k while the workers compute chunk k + 1 (two buffers).
/// </remarks>
internal static class StreamingMonteCarlo
{
    /// <summary>
    /// Trials per chunk unless the caller chooses otherwise. Two chunks are held at once, each
    /// scenarios × row width × this × 8 bytes (about 20 MiB for the five scenarios of the shipped file, ~480 columns
    /// each), while a chunk is still hundreds of trials per core to run in parallel.
    /// </summary>
    public const int DefaultChunkTrials = 1024;

    /// <summary>
    /// Most bytes one chunk may hold: wide rows (a large network with every column kept) get fewer trials per chunk,
    /// so a streamed run's memory stays bounded whatever the network (the shipped file's chunks are about 20 MiB).
    /// </summary>
    public const long ChunkBudgetBytes = 64L << 20;

    /// <summary>
    /// Trials per chunk for rows of <paramref name="layouts"/>: <paramref name="requested"/>, at most the run's trials,
    /// and fewer when a chunk would pass <see cref="ChunkBudgetBytes"/> (but at least one kernel block).
    /// </summary>
    public static int ChunkTrialsFor(IReadOnlyList<MetricLayout> layouts, int requested, int trials)
    {
        long bytesPerTrial = Math.Max(1, layouts.Sum(layout => (long)layout.Width) * sizeof(double));
        int fits = (int)Math.Clamp(ChunkBudgetBytes / bytesPerTrial, TrialBlockRunner.BlockTrials, int.MaxValue);
        return Math.Max(1, Math.Min(Math.Min(requested, fits), trials));
    }

    /// <summary>
    /// Runs <paramref name="scenarios"/> of <paramref name="model"/> (the first must be the baseline) for
    /// <see cref="MonteCarloOptions.Trials"/> trials and streams the metrics to <paramref name="sink"/>.
    /// </summary>
    /// <param name="model">The compiled model; only read.</param>
    /// <param name="scenarios">Scenarios to run, baseline first; each chunk holds all of them for the same trials.</param>
    /// <param name="options">Trials, seed and threads. Monthly and weekly series are not supported and must be off.</param>
    /// <param name="sink">Receives the chunks in trial order.</param>
    /// <param name="progress">Receives the number of trials completed (all scenarios), after each chunk.</param>
    /// <param name="chunkTrials">Trials per chunk, at least 1. Changes the floating-point merge order of sinks, not the trials.</param>
    /// <param name="cancellationToken">Stops between trials.</param>
    public static void Run(CompiledModel model, IReadOnlyList<CompiledScenario> scenarios, MonteCarloOptions options,
        ITrialChunkSink sink, IProgress<int>? progress = null, int chunkTrials = DefaultChunkTrials,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkTrials, 1);
        if (scenarios.Count == 0 || scenarios[0].Id != "baseline")
        {
            throw new ArgumentException("the first scenario must be the baseline", nameof(scenarios));
        }

        if (options.Monthly != MonthlySeries.None || options.RecordWeeklySeries)
        {
            throw new ArgumentException("monthly lane flows and weekly series are not streamed; use MonteCarlo.Run", nameof(options));
        }

        var network = model.Network;
        var kernelLayouts = scenarios.Select(s => new MetricLayout(network, s)).ToArray();
        var layouts = kernelLayouts.Select(layout => layout.Select(options.Detail)).ToArray();
        int trials = options.Trials;
        chunkTrials = ChunkTrialsFor(layouts, chunkTrials, trials);
        TrialChunk[] buffers = [new(layouts, chunkTrials), new(layouts, chunkTrials)];
        var workers = new ConcurrentBag<Worker>();
        var overrides = options.OverridesFor(network);
        var parallel = new ParallelOptions
        {
            // Unbounded parallelism would start more replicas (each with its kernels) than there are cores.
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };

        Task? consuming = null;
        int index = 0;
        for (int first = 0; first < trials; first += chunkTrials, index++)
        {
            var chunk = buffers[index % 2];
            int count = Math.Min(chunkTrials, trials - first);
            chunk.Reset(first, count);
            int firstTrial = first;
            int blocks = (count + TrialBlockRunner.BlockTrials - 1) / TrialBlockRunner.BlockTrials;
            Parallel.For(0, blocks, parallel,
                () => workers.TryTake(out var worker) ? worker : new Worker(network, scenarios, kernelLayouts, options.Lanes, overrides),
                (block, _, worker) =>
                {
                    int offset = block * TrialBlockRunner.BlockTrials;
                    int trialsInBlock = Math.Min(TrialBlockRunner.BlockTrials, count - offset);
                    for (int s = 0; s < worker.Runners.Length; s++)
                    {
                        var runner = worker.Runners[s];
                        runner.Run(options.Seed, firstTrial + offset, trialsInBlock);
                        int width = kernelLayouts[s].Width;
                        for (int i = 0; i < trialsInBlock; i++)
                        {
                            chunk.Store(s, offset + i, runner.Rows.AsSpan(i * width, width));
                        }
                    }

                    return worker;
                },
                workers.Add);

            // The other buffer is free once the sink has finished with the previous chunk.
            consuming?.GetAwaiter().GetResult();
            int done = first + count;
            consuming = Task.Run(() =>
            {
                sink.Consume(chunk);
                progress?.Report(done);
            }, cancellationToken);
        }

        consuming?.GetAwaiter().GetResult();
    }

    /// <summary>
    /// One worker's trial runners (kernels and row buffers), one per scenario. The worker runs them one after another,
    /// so they share one copy of the network-sized block state (<see cref="KernelScratch{T, TMask}"/>).
    /// </summary>
    private sealed class Worker
    {
        public Worker(CompiledNetwork network, IReadOnlyList<CompiledScenario> scenarios, MetricLayout[] layouts, int lanes, ParameterOverrides? overrides)
        {
            Runners = new TrialBlockRunner[scenarios.Count];
            for (int s = 0; s < scenarios.Count; s++)
            {
                Runners[s] = new TrialBlockRunner(network, scenarios[s], layouts[s], lanes: lanes, overrides: overrides, shareWith: s == 0 ? null : Runners[0]);
            }
        }

        public TrialBlockRunner[] Runners { get; }
    }
}
