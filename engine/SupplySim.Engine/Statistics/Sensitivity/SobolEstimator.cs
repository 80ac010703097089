using SupplySim.Simulation;

namespace SupplySim.Statistics.Sensitivity;

/// <summary>
/// Sobol indices from Saltelli's A, B and AB_i samples: first order by Saltelli et al. (2010, table 2, b),
/// S1_i = mean((f(B) - f0) (f(AB_i) - f(A))) / V with f0 the mean over A and B (centring makes S1 independent of a
/// constant added to the output), and total by Jansen (1999), ST_i = mean((f(A) - f(AB_i))^2) / (2 V),
/// with V the variance of f over A and B together. Confidence intervals resample the base-sample index j with
/// replacement. Pure and deterministic for a given seed.
/// </summary>
internal static class SobolEstimator
{
    /// <summary>Bootstrap replicates used when none are given.</summary>
    public const int DefaultBootstrap = 1000;

    /// <summary>Estimates S1 and ST for each of the <c>ab.Count</c> parameters.</summary>
    /// <param name="a">f(A), one value per base sample.</param>
    /// <param name="b">f(B), same length.</param>
    /// <param name="ab">f(AB_i) per parameter i, each the same length.</param>
    /// <param name="bootstrap">Replicates for the 95% percentile intervals (0: intervals equal the estimate).</param>
    /// <param name="seed">Seed of the resampling.</param>
    public static SobolIndices Estimate(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<IReadOnlyList<double>> ab,
        int bootstrap = DefaultBootstrap, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(ab);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrap);
        int n = a.Count, k = ab.Count;
        if (b.Count != n || ab.Any(column => column.Count != n) || n < 2)
        {
            throw new ArgumentException("f(A), f(B) and every f(AB_i) need the same length, at least 2");
        }

        var identity = Enumerable.Range(0, n).ToArray();
        var (s1, st, variance) = Compute(a, b, ab, identity);
        var s1Boot = new double[k][];
        var stBoot = new double[k][];
        for (int i = 0; i < k; i++)
        {
            s1Boot[i] = new double[bootstrap];
            stBoot[i] = new double[bootstrap];
        }

        var sample = new int[n];
        for (int r = 0; r < bootstrap; r++)
        {
            var rng = Rng.ForStream(seed, r, 0x534F_424F_4C00_0001UL);
            for (int j = 0; j < n; j++)
            {
                sample[j] = (int)(rng.NextDouble() * n);
            }

            var (bs1, bst, _) = Compute(a, b, ab, sample);
            for (int i = 0; i < k; i++)
            {
                s1Boot[i][r] = bs1[i];
                stBoot[i][r] = bst[i];
            }
        }

        return new SobolIndices(
            [.. Enumerable.Range(0, k).Select(i => WithInterval(s1[i], s1Boot[i]))],
            [.. Enumerable.Range(0, k).Select(i => WithInterval(st[i], stBoot[i]))],
            variance);
    }

    internal static SensitivityIndex WithInterval(double estimate, double[] replicates)
    {
        var finite = replicates.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new(estimate, estimate, estimate);
        }

        Array.Sort(finite);
        return new(estimate, SortedSample.Quantile(finite, 0.025), SortedSample.Quantile(finite, 0.975));
    }

    private static (double[] S1, double[] ST, double Variance) Compute(IReadOnlyList<double> a, IReadOnlyList<double> b,
        IReadOnlyList<IReadOnlyList<double>> ab, int[] sample)
    {
        int n = sample.Length, k = ab.Count;
        var (mean, variance) = PooledMeanAndVariance(a, b, sample);
        var s1 = new double[k];
        var st = new double[k];
        for (int i = 0; i < k; i++)
        {
            var abi = ab[i];
            double first = 0, total = 0;
            foreach (int j in sample)
            {
                // f(B) centred on the pooled mean: with raw f(B), a constant c added to the output adds
                // c * mean(f(AB_i) - f(A)), zero on average but with variance growing like c^2, so S1 of an
                // output whose mean is far above its spread came out negative or summing past 1.
                first += (b[j] - mean) * (abi[j] - a[j]);
                double d = a[j] - abi[j];
                total += d * d;
            }

            // A constant output has no variance to apportion: every index is 0, not NaN.
            s1[i] = variance > 0 ? first / n / variance : 0;
            st[i] = variance > 0 ? total / (2.0 * n) / variance : 0;
        }

        return (s1, st, variance);
    }

    /// <summary>
    /// Mean and population variance of f over A and B together (the 2n values of the resampled rows), two-pass so that
    /// an output whose mean is large next to its spread keeps its digits (E[y^2] - mean^2 cancels them).
    /// </summary>
    private static (double Mean, double Variance) PooledMeanAndVariance(IReadOnlyList<double> a, IReadOnlyList<double> b, int[] sample)
    {
        var pooled = new double[2 * sample.Length];
        for (int r = 0; r < sample.Length; r++)
        {
            pooled[2 * r] = a[sample[r]];
            pooled[(2 * r) + 1] = b[sample[r]];
        }

        double sum = 0;
        foreach (double value in pooled)
        {
            sum += value;
        }

        double mean = sum / pooled.Length;
        double variance = Math.Max(0, SortedSample.SumOfSquaredDeviations(pooled, mean) / pooled.Length);
        return (mean, variance);
    }
}
