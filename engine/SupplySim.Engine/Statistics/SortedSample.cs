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
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double lower = sorted[below];
        return lower + ((h - below) * (sorted[below + 1] - lower));
    }

    /// <summary>Mean and sample standard deviation (divisor n - 1, or 0 for a single value).</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(ReadOnlySpan<double> sorted)
    {
        Debug.Assert(sorted.Length > 0, "non-empty sample");
        double sum = 0;
        foreach (double value in sorted)
        {
            sum += value;
        }

        // Corrected two-pass algorithm (Chan, Golub and LeVeque 1983): the residual sum cancels the rounding error
        // of the first pass's mean, which matters when the spread is small relative to the values.
        double mean = sum / sorted.Length;
        double squares = 0;
        double residuals = 0;
        foreach (double value in sorted)
        {
            double deviation = value - mean;
            squares += deviation * deviation;
            residuals += deviation;
        }

        // Rounding can push the sum's mean a hair outside [min, max] (e.g. all values equal); clamp it back.
        mean = Math.Clamp(mean, sorted[0], sorted[^1]);
        if (sorted.Length == 1)
        {
            return (mean, 0);
        }

        double variance = (squares - (residuals * residuals / sorted.Length)) / (sorted.Length - 1);
        return (mean, Math.Sqrt(Math.Max(0, variance)));
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

        // max/bins - min/bins cannot overflow for finite inputs, unlike (max - min)/bins.
        double width = (max / bins) - (min / bins);
        var edges = new double[bins + 1];
        for (int edge = 0; edge < bins; edge++)
        {
            edges[edge] = Math.Min(min + (edge * width), max);
        }

        edges[bins] = max;

        // Walking the sorted values against the stored edges assigns each value by the very edges reported,
        // so rounding in (x - min) / width can never put a value in a bin whose edges exclude it.
        var counts = new int[bins];
        int bin = 0;
        foreach (double value in sorted)
        {
            while (bin < bins - 1 && value >= edges[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
        }

        return new Histogram(edges, counts);
    }
}
