using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Runs trials of a scenario in parallel. Each trial draws only from its own streams and writes only its own
/// cells, so results are bit-identical whatever the thread count or scheduling. Scenarios of one model share the
/// baseline's streams (common random numbers), so trial i of every scenario sees the same demand, lead-time and
/// parameter draws wherever its events do not change what is drawn.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs <paramref name="scenario"/> of <paramref name="model"/>. Thread-safe; the model is only read.</summary>
    public static ScenarioResult Run(CompiledModel model, CompiledScenario scenario, MonteCarloOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var network = model.Network;
        var kernelLayout = new MetricLayout(network, scenario);
        var layout = kernelLayout.Select(options.Detail);
        int trials = options.Trials, width = layout.Width;
        var source = layout.SourceColumns;
        var values = new double[(long)width * trials];
        int months = network.MonthCount, monthlyWidth = network.MonthlyWidth(options.Monthly);
        double[]? monthly = options.Monthly != MonthlySeries.None ? new double[(long)monthlyWidth * trials] : null;
        int[] weeklySeries = options.WeeklySeriesFor(kernelLayout);
        int weeks = network.WeekCount, weeklyWidth = weeklySeries.Length * weeks * 2;
        double[]? weekly = options.RecordWeeklySeries ? new double[(long)weeklyWidth * trials] : null;
        var overrides = options.OverridesFor(network);
        var parallel = new ParallelOptions
        {
            // Unbounded parallelism starts more worker replicas than cores, each building its own kernel.
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        // Two blocks per chunk, or one when that leaves a worker idle: a large network's trial takes seconds, and 16
        // trials in one chunk ran on one thread. Chunks only schedule; they never change a trial's row.
        int block = TrialBlockRunner.BlockTrials;
        int chunk = trials >= 2 * block * parallel.MaxDegreeOfParallelism ? 2 * block : block;
        int chunks = (trials + chunk - 1) / chunk;
        int done = 0;
        // Parallel.For may retire a worker and start another (each calling the initialiser): runners are pooled, so a
        // run builds at most one kernel per thread, which matters when a large network's kernel is hundreds of MB.
        // Each worker adds its trials' rows to its own column sums (exact, so merged in any order they give the same means).
        var runners = new System.Collections.Concurrent.ConcurrentBag<(TrialBlockRunner Runner, ColumnSums? Sums)>();
        Parallel.For(0, chunks, parallel,
            () => runners.TryTake(out var pooled) ? pooled
                : (new TrialBlockRunner(network, scenario, kernelLayout, options.Monthly, weeklySeries, options.Lanes, overrides),
                   options.RecordColumnMeans ? new ColumnSums(kernelLayout.Width) : null),
            (index, _, worker) =>
            {
                var (runner, sums) = worker;
                int end = Math.Min(trials, (index + 1) * chunk);
                for (int first = index * chunk; first < end; first += TrialBlockRunner.BlockTrials)
                {
                    int count = Math.Min(TrialBlockRunner.BlockTrials, end - first);
                    runner.Run(options.Seed, options.FirstTrial + first, count);
                    for (int i = 0; i < count; i++)
                    {
                        int trial = first + i;
                        var row = runner.Rows.AsSpan(i * kernelLayout.Width, kernelLayout.Width);
                        sums?.Add(row);
                        for (int column = 0; column < width; column++)
                        {
                            values[((long)column * trials) + trial] = row[source[column]];
                        }

                        var monthlyRow = runner.Monthly.AsSpan(i * monthlyWidth, monthlyWidth);
                        for (int cell = 0; cell < monthlyWidth; cell++)
                        {
                            monthly![((long)cell * trials) + trial] = monthlyRow[cell];
                        }

                        var weeklyRow = runner.Weekly.AsSpan(i * weeklyWidth, weeklyWidth);
                        for (int cell = 0; cell < weeklyWidth; cell++)
                        {
                            weekly![((long)cell * trials) + trial] = weeklyRow[cell];
                        }
                    }
                }

                progress?.Report(Interlocked.Add(ref done, end - (index * chunk)));
                return worker;
            },
            runners.Add);
        var columnSums = options.RecordColumnMeans ? ColumnSums.Combine(runners.Select(worker => worker.Sums)) : null;
        return new ScenarioResult(scenario, layout, trials, values, monthly, months, weekly, weeks, weeklySeries, options.RecordMonthlyLaneFlows)
        {
            ColumnSums = columnSums,
        };
    }
}
