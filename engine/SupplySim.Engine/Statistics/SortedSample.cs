using System.Diagnostics;

namespace SupplySim.Statistics;

/// <summary>
/// Order statistics over a sample that is already sorted ascending, so that one O(n log n) sort serves every
/// quantile, threshold and histogram bin of a <see cref="MetricSummary"/>.
/// </summary>
internal static class SortedSample
{
    /// <summary>
    /// Quantile by Hyndman and Fan (1996) definition 7, the default of R and numpy:
    /// with h = (n - 1)p, interpolate linearly between the order statistics at floor(h) and floor(h) + 1.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        Debug.Assert(sorted.Length > 0 && p is >= 0 and <= 1, "non-empty sample, p in [0, 1]");
        var (below, fraction) = Type7Position(sorted.Length, p);
        return below >= sorted.Length - 1 ? sorted[^1] : Interpolate(sorted[(int)below], sorted[(int)below + 1], fraction);
    }

    /// <summary>
    /// Where the definition-7 quantile <paramref name="p"/> of <paramref name="count"/> sorted values lies: h = (n - 1)p,
    /// the 0-based order statistic floor(h) below it and the weight h - floor(h) of the next one.
    /// </summary>
    public static (long Below, double Fraction) Type7Position(long count, double p)
    {
        double h = (count - 1) * p;
        double below = Math.Floor(h);
        return ((long)below, h - below);
    }

    /// <summary>Linear interpolation between consecutive order statistics, as definition 7 does.</summary>
    public static double Interpolate(double lower, double upper, double fraction) => lower + (fraction * (upper - lower));

    /// <summary>Mean and sample standard deviation (divisor n - 1, or 0 for a single value).</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(ReadOnlySpan<double> sorted)
    {
        Debug.Assert(sorted.Length > 0, "non-empty sample");
        double sum = 0;
        foreach (double value in sorted)
        {
            sum += value;
        }

        double mean = sum / sorted.Length;
        double squares = SumOfSquaredDeviations(sorted, mean);

        // Rounding can push the sum's mean a hair outside [min, max] (e.g. all values equal); clamp it back.
        mean = Math.Clamp(mean, sorted[0], sorted[^1]);
        if (sorted.Length == 1)
        {
            return (mean, 0);
        }

        return (mean, Math.Sqrt(Math.Max(0, squares / (sorted.Length - 1))));
    }

    /// <summary>
    /// Sum of squared deviations of <paramref name="values"/> (any order) from <paramref name="mean"/>, their
    /// first-pass mean, by the corrected two-pass algorithm (Chan, Golub and LeVeque 1983): the residual sum cancels
    /// the rounding error of the first pass's mean, which matters when the spread is small relative to the values.
    /// </summary>
    public static double SumOfSquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        double squares = 0;
        double residuals = 0;
        foreach (double value in values)
        {
            double deviation = value - mean;
            squares += deviation * deviation;
            residuals += deviation;
        }

        return squares - (residuals * residuals / values.Length);
    }

    /// <summary>Number of values strictly greater than <paramref name="threshold"/> (binary search).</summary>
    public static int CountAbove(ReadOnlySpan<double> sorted, double threshold)
    {
        // Upper bound: the first index whose value exceeds the threshold; ties stay below it.
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int mid = low + ((high - low) >> 1);
            if (sorted[mid] > threshold)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return sorted.Length - low;
    }

    /// <summary>Equal-width histogram over [sorted[0], sorted[^1]]; one bin when all values are equal.</summary>
    public static Histogram BuildHistogram(ReadOnlySpan<double> sorted, int bins)
    {
        Debug.Assert(sorted.Length > 0 && bins >= 1, "non-empty sample, at least one bin");
        double min = sorted[0];
        double max = sorted[^1];
        if (min == max)
        {
            return new Histogram([min, max], [sorted.Length]);
        }

        double[] edges = HistogramEdges(min, max, bins);

        // Walking the sorted values against the stored edges assigns each value by the very edges reported,
        // so rounding in (x - min) / width can never put a value in a bin whose edges exclude it.
        var counts = new int[bins];
        int bin = 0;
        foreach (double value in sorted)
        {
            bin = AdvanceBin(edges, bin, value);
            counts[bin]++;
        }

        return new Histogram(edges, counts);
    }

    /// <summary><paramref name="bins"/> + 1 equal-width edges from <paramref name="min"/> to exactly <paramref name="max"/> (min &lt; max).</summary>
    public static double[] HistogramEdges(double min, double max, int bins)
    {
        // max/bins - min/bins cannot overflow for finite inputs, unlike (max - min)/bins.
        double width = (max / bins) - (min / bins);
        var edges = new double[bins + 1];
        for (int edge = 0; edge < bins; edge++)
        {
            edges[edge] = Math.Min(min + (edge * width), max);
        }

        edges[bins] = max;
        return edges;
    }

    /// <summary>
    /// The bin of <paramref name="value"/> for values visited in ascending order, starting from the previous value's
    /// <paramref name="bin"/>: the last bin whose lower edge is at most the value (the top bin includes max).
    /// </summary>
    public static int AdvanceBin(ReadOnlySpan<double> edges, int bin, double value)
    {
        while (bin < edges.Length - 2 && value >= edges[bin + 1])
        {
            bin++;
        }

        return bin;
    }
}
