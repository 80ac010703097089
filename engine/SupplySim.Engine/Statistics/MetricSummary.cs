using MathNet.Numerics.Distributions;

namespace SupplySim.Statistics;

/// <summary>
/// Summary of one metric over Monte Carlo trials: mean with a 95% confidence interval, sample standard deviation,
/// extremes, quantiles, threshold exceedance probabilities and a histogram (DESIGN.md §3).
/// </summary>
/// <remarks>
/// Every statistic is exact (no streaming approximation). Quantiles follow Hyndman and Fan definition 7, the default
/// of R (<c>type = 7</c>) and numpy (<c>method = "linear"</c>). Results depend only on the multiset of input values,
/// not their order, so they are deterministic whatever the thread count that produced the trials. Instances are
/// immutable and safe to share between threads.
/// </remarks>
public sealed class MetricSummary
{
    private const double Ci95UpperTail = 0.975;

    private MetricSummary(double[] sorted, ReadOnlySpan<double> thresholds, int histogramBins)
    {
        int count = sorted.Length;
        var sample = new ReadOnlySpan<double>(sorted);
        Count = count;
        Min = sorted[0];
        Max = sorted[^1];
        (Mean, StdDev) = SortedSample.MeanAndStdDev(sample);
        double halfWidth = count > 1
            ? StudentT.InvCDF(0, 1, count - 1, Ci95UpperTail) * StdDev / Math.Sqrt(count)
            : 0;
        Ci95Low = Mean - halfWidth;
        Ci95High = Mean + halfWidth;

        P5 = SortedSample.Quantile(sample, 0.05);
        P10 = SortedSample.Quantile(sample, 0.10);
        P25 = SortedSample.Quantile(sample, 0.25);
        P50 = SortedSample.Quantile(sample, 0.50);
        P75 = SortedSample.Quantile(sample, 0.75);
        P90 = SortedSample.Quantile(sample, 0.90);
        P95 = SortedSample.Quantile(sample, 0.95);
        P99 = SortedSample.Quantile(sample, 0.99);

        var exceedances = new ThresholdExceedance[thresholds.Length];
        for (int index = 0; index < thresholds.Length; index++)
        {
            double threshold = thresholds[index];
            exceedances[index] = new(threshold, (double)SortedSample.CountAbove(sample, threshold) / count);
        }

        Exceedances = Array.AsReadOnly(exceedances);
        Histogram = SortedSample.BuildHistogram(sample, histogramBins);
    }

    /// <summary>
    /// Assembles a summary from statistics computed elsewhere (the streaming path, with the quantiles at
    /// <see cref="Percentiles"/> in that order); the CI is derived here as in the exact path.
    /// <paramref name="quantilesCollapsed"/> says the quantile sketch merged magnitudes below its kept range.
    /// </summary>
    internal MetricSummary(int count, double mean, double stdDev, double min, double max, IReadOnlyList<double> percentiles,
        ThresholdExceedance[] exceedances, Histogram histogram, bool quantilesCollapsed = false)
    {
        QuantilesCollapsed = quantilesCollapsed;
        Count = count;
        Mean = mean;
        StdDev = stdDev;
        Min = min;
        Max = max;
        double halfWidth = count > 1 ? StudentT.InvCDF(0, 1, count - 1, Ci95UpperTail) * stdDev / Math.Sqrt(count) : 0;
        Ci95Low = mean - halfWidth;
        Ci95High = mean + halfWidth;
        (P5, P10, P25, P50) = (percentiles[0], percentiles[1], percentiles[2], percentiles[3]);
        (P75, P90, P95, P99) = (percentiles[4], percentiles[5], percentiles[6], percentiles[7]);
        Exceedances = Array.AsReadOnly(exceedances);
        Histogram = histogram;
    }

    /// <summary>The probabilities of <see cref="P5"/> … <see cref="P99"/>, in order.</summary>
    internal static IReadOnlyList<double> Percentiles { get; } = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    /// <summary>Gets the number of trials summarised (at least 1).</summary>
    public int Count { get; }

    /// <summary>Gets the arithmetic mean.</summary>
    public double Mean { get; }

    /// <summary>Gets the sample standard deviation (divisor n − 1); 0 when <see cref="Count"/> is 1.</summary>
    public double StdDev { get; }

    /// <summary>
    /// Gets the lower end of the 95% confidence interval for the mean, <c>Mean − t(0.975, n − 1)·StdDev/√n</c>;
    /// equal to <see cref="Mean"/> when <see cref="Count"/> is 1.
    /// </summary>
    public double Ci95Low { get; }

    /// <summary>
    /// Gets the upper end of the 95% confidence interval for the mean, <c>Mean + t(0.975, n − 1)·StdDev/√n</c>;
    /// equal to <see cref="Mean"/> when <see cref="Count"/> is 1.
    /// </summary>
    public double Ci95High { get; }

    /// <summary>Gets the smallest value.</summary>
    public double Min { get; }

    /// <summary>Gets the largest value.</summary>
    public double Max { get; }

    /// <summary>Gets the 5th percentile (type-7 quantile at p = 0.05).</summary>
    public double P5 { get; }

    /// <summary>Gets the 10th percentile (type-7 quantile at p = 0.10).</summary>
    public double P10 { get; }

    /// <summary>Gets the 25th percentile, the lower quartile (type-7 quantile at p = 0.25).</summary>
    public double P25 { get; }

    /// <summary>Gets the median (type-7 quantile at p = 0.50).</summary>
    public double P50 { get; }

    /// <summary>Gets the 75th percentile, the upper quartile (type-7 quantile at p = 0.75).</summary>
    public double P75 { get; }

    /// <summary>Gets the 90th percentile (type-7 quantile at p = 0.90).</summary>
    public double P90 { get; }

    /// <summary>Gets the 95th percentile (type-7 quantile at p = 0.95).</summary>
    public double P95 { get; }

    /// <summary>Gets the 99th percentile (type-7 quantile at p = 0.99).</summary>
    public double P99 { get; }

    /// <summary>
    /// Gets, for each requested threshold in the order given, the fraction of values strictly above it.
    /// </summary>
    public IReadOnlyList<ThresholdExceedance> Exceedances { get; }

    /// <summary>Gets the equal-width histogram over [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public Histogram Histogram { get; }

    /// <summary>
    /// Gets whether the quantiles came from a streaming sketch that had to merge magnitudes more than
    /// ~7.8·10^8 below the largest of their sign: quantiles among those small magnitudes keep only the absolute bound
    /// (about 1.3·10^-9 of the largest), not the relative one. Always false for an exact summary.
    /// </summary>
    public bool QuantilesCollapsed { get; }

    /// <summary>Summarises one metric over trials.</summary>
    /// <param name="values">One value per trial; must be non-empty and finite. Not modified.</param>
    /// <param name="thresholds">Thresholds for <see cref="Exceedances"/>; any order, may be empty, not NaN.</param>
    /// <param name="histogramBins">Number of equal-width histogram bins, at least 1.</param>
    /// <returns>The summary. Runs in O(n log n) time and O(n) extra memory (one sorted copy).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="values"/> is empty or holds a NaN or infinity, or a threshold is NaN.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="histogramBins"/> is less than 1.</exception>
    public static MetricSummary Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> thresholds,
        int histogramBins = 20)
    {
        ValidateOptions(thresholds, histogramBins);
        if (values.IsEmpty)
        {
            throw new ArgumentException("values must hold at least one trial, was empty", nameof(values));
        }

        double[] sorted = values.ToArray();
        return FromOwned(sorted, thresholds, histogramBins, nameof(values), "values");
    }

    /// <summary>
    /// Summarises the per-trial differences <c>scenario[i] − baseline[i]</c> of a scenario against its baseline run
    /// on the same random draws (common random numbers), so positive values mean the scenario scored higher.
    /// </summary>
    /// <param name="scenario">The scenario's value per trial; not modified.</param>
    /// <param name="baseline">The baseline's value for the same trials, in the same order; not modified.</param>
    /// <param name="thresholds">Thresholds on the difference for <see cref="Exceedances"/>; not NaN.</param>
    /// <param name="histogramBins">Number of equal-width histogram bins, at least 1.</param>
    /// <returns>The summary of the differences.</returns>
    /// <exception cref="ArgumentException">
    /// The spans differ in length or are empty, a difference is not finite, or a threshold is NaN.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="histogramBins"/> is less than 1.</exception>
    public static MetricSummary ComputePaired(ReadOnlySpan<double> scenario, ReadOnlySpan<double> baseline,
        ReadOnlySpan<double> thresholds, int histogramBins = 20)
    {
        ValidateOptions(thresholds, histogramBins);
        if (scenario.Length != baseline.Length)
        {
            throw new ArgumentException(
                $"scenario and baseline must cover the same trials, had {scenario.Length} and {baseline.Length}",
                nameof(baseline));
        }

        if (scenario.IsEmpty)
        {
            throw new ArgumentException("scenario must hold at least one trial, was empty", nameof(scenario));
        }

        var differences = new double[scenario.Length];
        for (int trial = 0; trial < differences.Length; trial++)
        {
            differences[trial] = scenario[trial] - baseline[trial];
        }

        return FromOwned(differences, thresholds, histogramBins, nameof(scenario), "scenario - baseline");
    }

    private static void ValidateOptions(ReadOnlySpan<double> thresholds, int histogramBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(histogramBins, 1);
        for (int index = 0; index < thresholds.Length; index++)
        {
            if (double.IsNaN(thresholds[index]))
            {
                throw new ArgumentException($"thresholds must not be NaN, was NaN at index {index}",
                    nameof(thresholds));
            }
        }
    }

    /// <summary>Validates, sorts in place and summarises an array the caller no longer uses.</summary>
    private static MetricSummary FromOwned(double[] values, ReadOnlySpan<double> thresholds, int histogramBins,
        string paramName, string description)
    {
        for (int trial = 0; trial < values.Length; trial++)
        {
            if (!double.IsFinite(values[trial]))
            {
                throw new ArgumentException(
                    $"{description} must be finite, was {values[trial]} at trial {trial}", paramName);
            }
        }

        Array.Sort(values);
        return new MetricSummary(values, thresholds, histogramBins);
    }
}
