using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Runs scenarios in batches of <see cref="BatchTrials"/> trials until the 95% confidence half-width of every headline
/// metric is at most a tolerance, or a trial limit is reached. Headline metrics, per scenario and sector × material: the
/// mean shortage fraction (normal interval), P(any shortage) (Wilson interval), and for each scenario other than the
/// baseline their paired differences from the baseline (normal intervals of the per-trial differences). Batches are
/// trials first … first + batch − 1 of the same seed, so the result equals a single run of the trials it stopped at, and
/// the same seed stops at the same batch.
/// </summary>
public static class PrecisionRun
{
    /// <summary>Trials per batch.</summary>
    public const int BatchTrials = 200;

    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Runs <paramref name="scenarios"/> (the baseline first) for at most <paramref name="options"/>.Trials trials;
    /// returns the results, the trials run and the widest half-width at that point.
    /// </summary>
    public static (IReadOnlyList<ScenarioResult> Results, double WorstHalfWidth) Run(CompiledModel model, IReadOnlyList<CompiledScenario> scenarios,
        MonteCarloOptions options, double tolerance, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        var batches = scenarios.Select(_ => new List<ScenarioResult>()).ToArray();
        var sums = new HalfWidthSums[scenarios.Count][];
        int done = 0;
        double worst = double.PositiveInfinity;
        while (done < options.Trials && !(worst <= tolerance))
        {
            int count = Math.Min(BatchTrials, options.Trials - done);
            var batch = options with { Trials = count, FirstTrial = done };
            for (int s = 0; s < scenarios.Count; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                batches[s].Add(MonteCarlo.Run(model, scenarios[s], batch, cancellationToken: cancellationToken));
            }

            done += count;
            worst = Accumulate(sums, [.. batches.Select(b => b[^1])]);
            progress?.Report(done);
        }

        return ([.. batches.Select(ScenarioResult.Concatenate)], worst);
    }

    /// <summary>The widest 95% half-width of the headline metrics over the first <paramref name="trials"/> trials of <paramref name="results"/>.</summary>
    public static double WorstHalfWidth(IReadOnlyList<ScenarioResult> results, int trials)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sums = new HalfWidthSums[results.Count][];
        return Accumulate(sums, results, trials);
    }

    /// <summary>Adds the trials of one batch per scenario to the running sums; returns the widest half-width so far.</summary>
    private static double Accumulate(HalfWidthSums[][] sums, IReadOnlyList<ScenarioResult> batch, int trials = int.MaxValue)
    {
        int[] sectors = SectorShortageColumns(batch[0].Layout);
        double worst = 0;
        for (int s = 0; s < batch.Count; s++)
        {
            sums[s] ??= [.. sectors.Select(_ => new HalfWidthSums())];
            int n = Math.Min(trials, batch[s].Trials);
            for (int k = 0; k < sectors.Length; k++)
            {
                var x = batch[s].Column(sectors[k])[..n];
                var baseline = batch[0].Column(sectors[k])[..n];
                sums[s][k].Add(x, s == 0 ? default : baseline);
                worst = Math.Max(worst, sums[s][k].WorstHalfWidth(paired: s > 0));
            }
        }

        return worst;
    }

    /// <summary>The shortage-fraction column of each sector × material (the same in every scenario's layout).</summary>
    private static int[] SectorShortageColumns(MetricLayout layout) =>
        [.. Enumerable.Range(0, layout.Columns.Count).Where(c => layout.Columns[c].Kind == EntityKind.Sector && layout.Columns[c].Metric == Metric.ShortageFraction)];

    /// <summary>Running sums of one sector × material's shortage fractions, shortage indicators and their differences from the baseline.</summary>
    private sealed class HalfWidthSums
    {
        private long _n;
        private double _sum, _squares, _any, _difference, _differenceSquares, _anyDifference, _anyDifferenceSquares;

        public void Add(ReadOnlySpan<double> values, ReadOnlySpan<double> baseline)
        {
            for (int t = 0; t < values.Length; t++)
            {
                double x = values[t], any = x > 0 ? 1 : 0;
                _sum += x;
                _squares += x * x;
                _any += any;
                if (!baseline.IsEmpty)
                {
                    double d = x - baseline[t], anyD = any - (baseline[t] > 0 ? 1 : 0);
                    _difference += d;
                    _differenceSquares += d * d;
                    _anyDifference += anyD;
                    _anyDifferenceSquares += anyD * anyD;
                }
            }

            _n += values.Length;
        }

        public double WorstHalfWidth(bool paired)
        {
            double worst = Math.Max(NormalHalfWidth(_sum, _squares), WilsonHalfWidth(_any / _n));
            return paired ? Math.Max(worst, Math.Max(NormalHalfWidth(_difference, _differenceSquares), NormalHalfWidth(_anyDifference, _anyDifferenceSquares))) : worst;
        }

        private double NormalHalfWidth(double sum, double squares)
        {
            if (_n < 2)
            {
                return double.PositiveInfinity;
            }

            double mean = sum / _n, variance = Math.Max(0, (squares - (_n * mean * mean)) / (_n - 1));
            return Z95 * Math.Sqrt(variance / _n);
        }

        /// <summary>Half the Wilson score interval: never zero, so "no shortage in 200 trials" is not taken as certain.</summary>
        private double WilsonHalfWidth(double share)
        {
            double z2 = Z95 * Z95, n = _n;
            return Z95 / (1 + (z2 / n)) * Math.Sqrt((share * (1 - share) / n) + (z2 / (4 * n * n)));
        }
    }
}
