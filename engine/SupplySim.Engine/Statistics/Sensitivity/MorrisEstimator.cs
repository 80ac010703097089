using SupplySim.Simulation;

namespace SupplySim.Statistics.Sensitivity;

/// <summary>
/// Elementary effects from Morris trajectories: consecutive points of a trajectory differ in one coordinate by ±Δ,
/// and the effect of that coordinate is (f(after) - f(before)) / (after - before), in units of the output per
/// whole normalised range. Pure and deterministic for a given seed.
/// </summary>
internal static class MorrisEstimator
{
    /// <summary>Computes mu, mu* and sigma per dimension.</summary>
    /// <param name="points">Unit-cube points in design order, trajectories of k + 1 points each.</param>
    /// <param name="outputs">The output at each point.</param>
    /// <param name="bootstrap">Replicates for the interval of mu*.</param>
    /// <param name="seed">Seed of the resampling.</param>
    public static IReadOnlyList<MorrisEffect> Estimate(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> outputs,
        int bootstrap = 1000, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(outputs);
        if (points.Count == 0 || points.Count != outputs.Count)
        {
            throw new ArgumentException("need one output per point and at least one point");
        }

        int k = points[0].Count, block = k + 1;
        if (points.Count % block != 0)
        {
            throw new ArgumentException($"expected trajectories of {block} points, got {points.Count} points");
        }

        var effects = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        for (int start = 0; start < points.Count; start += block)
        {
            for (int step = 1; step < block; step++)
            {
                var before = points[start + step - 1];
                var after = points[start + step];
                int moved = -1;
                for (int d = 0; d < k; d++)
                {
                    if (before[d] != after[d])
                    {
                        moved = d;
                        break;
                    }
                }

                if (moved < 0)
                {
                    throw new ArgumentException($"points {start + step - 1} and {start + step} do not differ");
                }

                effects[moved].Add((outputs[start + step] - outputs[start + step - 1]) / (after[moved] - before[moved]));
            }
        }

        var result = new MorrisEffect[k];
        for (int d = 0; d < k; d++)
        {
            var e = effects[d];
            double mu = e.Count == 0 ? double.NaN : e.Average();
            double muStar = e.Count == 0 ? double.NaN : e.Average(Math.Abs);
            double sigma = e.Count < 2 ? 0 : Math.Sqrt(e.Sum(x => (x - mu) * (x - mu)) / (e.Count - 1));
            var replicates = new double[e.Count == 0 ? 0 : bootstrap];
            for (int r = 0; r < replicates.Length; r++)
            {
                var rng = Rng.ForStream(seed, ((long)d * bootstrap) + r, 0x4D4F_5252_4953_0001UL);
                double sum = 0;
                for (int j = 0; j < e.Count; j++)
                {
                    sum += Math.Abs(e[(int)(rng.NextDouble() * e.Count)]);
                }

                replicates[r] = sum / e.Count;
            }

            result[d] = new MorrisEffect(mu, muStar, sigma, SobolEstimator.WithInterval(muStar, replicates), e.Count);
        }

        return result;
    }
}
