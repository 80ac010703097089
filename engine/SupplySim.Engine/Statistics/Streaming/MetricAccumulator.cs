namespace SupplySim.Statistics.Streaming;

/// <summary>
/// Streaming counterpart of <see cref="MetricSummary.Compute"/>: takes a metric's values chunk by chunk in trial
/// order and keeps only O(thresholds + sketch buckets) state. Count, min, max and threshold exceedances are exact;
/// the mean is a compensated (Neumaier) sum; the variance merges each chunk's two-pass sum of squares in chunk order
/// (Chan, Golub and LeVeque 1979); quantiles and the histogram come from a <see cref="QuantileSketch"/>.
/// </summary>
/// <remarks>Deterministic for a given chunking and value order; not thread-safe (one accumulator per column).</remarks>
internal sealed class MetricAccumulator
{
    private readonly double[] _thresholds;
    private readonly long[] _above;
    private readonly QuantileSketch _sketch = new();
    private long _count;
    private double _sum;
    private double _compensation;
    private double _runningMean;
    private double _squares;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public MetricAccumulator(double[] thresholds)
    {
        _thresholds = thresholds;
        _above = new long[thresholds.Length];
    }

    /// <summary>Buckets held by the quantile sketch, at most 2 × <see cref="SketchStore.MaxBuckets"/> whatever the count.</summary>
    public int AllocatedBuckets => _sketch.AllocatedBuckets;

    /// <summary>Values added so far.</summary>
    public long Count => _count;

    /// <summary>Adds one chunk of finite values, in trial order.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public void AddChunk(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        double chunkSum = 0;
        double chunkCompensation = 0;
        for (int index = 0; index < values.Length; index++)
        {
            double value = values[index];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"values must be finite, was {value} at trial {_count + index}", nameof(values));
            }

            (chunkSum, chunkCompensation) = Neumaier(chunkSum, chunkCompensation, value);
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            for (int t = 0; t < _thresholds.Length; t++)
            {
                _above[t] += value > _thresholds[t] ? 1 : 0;
            }

            _sketch.Add(value);
        }

        // Two-pass within the chunk (the chunk is at hand), merged below by Chan, Golub and LeVeque's update.
        long n = values.Length;
        double chunkMean = (chunkSum + chunkCompensation) / n;
        double squares = SortedSample.SumOfSquaredDeviations(values, chunkMean);
        long total = _count + n;
        double delta = chunkMean - _runningMean;
        _squares += squares + (delta * delta * ((double)_count * n / total));
        _runningMean += delta * n / total;
        _count = total;
        (_sum, _compensation) = Neumaier(_sum, _compensation, chunkSum);
        (_sum, _compensation) = Neumaier(_sum, _compensation, chunkCompensation);
    }

    /// <summary>Adds one chunk of differences <c>scenario[i] − baseline[i]</c>, using <paramref name="scratch"/> as room.</summary>
    public void AddDifferences(ReadOnlySpan<double> scenario, ReadOnlySpan<double> baseline, Span<double> scratch)
    {
        var differences = scratch[..scenario.Length];
        for (int index = 0; index < differences.Length; index++)
        {
            differences[index] = scenario[index] - baseline[index];
        }

        AddChunk(differences);
    }

    /// <summary>The summary of everything added; at least one value must have been added.</summary>
    public MetricSummary ToSummary(int histogramBins = 20)
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("no values were added");
        }

        int count = checked((int)_count);
        double mean = Math.Clamp((_sum + _compensation) / count, _min, _max);
        double stdDev = count > 1 ? Math.Sqrt(Math.Max(0, _squares / (count - 1))) : 0;
        var probabilities = MetricSummary.Percentiles;
        Span<long> ranks = stackalloc long[probabilities.Count * 2];
        Span<double> order = stackalloc double[probabilities.Count * 2];
        for (int p = 0; p < probabilities.Count; p++)
        {
            // Definition 7 on the sketch's order statistics at floor(h) and floor(h) + 1.
            long below = SortedSample.Type7Position(count, probabilities[p]).Below;
            ranks[2 * p] = below;
            ranks[(2 * p) + 1] = Math.Min(below + 1, count - 1);
        }

        _sketch.OrderStatistics(ranks, _min, _max, order);
        var quantiles = new double[probabilities.Count];
        for (int p = 0; p < probabilities.Count; p++)
        {
            var (below, fraction) = SortedSample.Type7Position(count, probabilities[p]);
            quantiles[p] = below >= count - 1 ? order[(2 * p) + 1] : SortedSample.Interpolate(order[2 * p], order[(2 * p) + 1], fraction);
        }

        var exceedances = new ThresholdExceedance[_thresholds.Length];
        for (int t = 0; t < _thresholds.Length; t++)
        {
            exceedances[t] = new(_thresholds[t], (double)_above[t] / count);
        }

        return new MetricSummary(count, mean, stdDev, _min, _max, quantiles, exceedances, SketchHistogram(histogramBins),
            _sketch.HasCollapsed);
    }

    /// <summary>
    /// Equal-width histogram over the exact [min, max] with each sketch bucket's count put in the bin of its
    /// representative (clamped to [min, max]): a value within α of a bin edge may be counted in the neighbouring bin.
    /// </summary>
    private Histogram SketchHistogram(int bins)
    {
        if (_min == _max)
        {
            return new Histogram([_min, _max], [checked((int)_count)]);
        }

        double min = _min;
        double max = _max;
        double[] edges = SortedSample.HistogramEdges(min, max, bins);
        var counts = new int[bins];
        int bin = 0;
        _sketch.ForEachBucket((representative, count) =>
        {
            bin = SortedSample.AdvanceBin(edges, bin, Math.Clamp(representative, min, max));
            counts[bin] += checked((int)count);
        });
        return new Histogram(edges, counts);
    }

    private static (double Sum, double Compensation) Neumaier(double sum, double compensation, double value)
    {
        double total = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - total) + value : (value - total) + sum;
        return (total, compensation);
    }
}
