using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using NUnit.Framework;
using SupplySim.Statistics;
using MathNetStatistics = MathNet.Numerics.Statistics.Statistics;

namespace SupplySim.Tests.Statistics;

[TestFixture]
internal sealed class MetricSummaryTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly double[] Probabilities = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    private static IEnumerable<TestCaseData> RandomSamples() =>
        from size in new[] { 1, 2, 3, 7, 100, 1001 }
        from seed in new[] { 1, 2, 3 }
        select new TestCaseData(size, seed)
            .SetName($"Compute_RandomData_QuantilesMatchMathNetR7(n {size}, seed {seed})");

    [TestCaseSource(nameof(RandomSamples))]
    public void Compute_RandomData_QuantilesMatchMathNetR7(int size, int seed)
    {
        double[] values = LogNormalSample(size, seed);

        var summary = MetricSummary.Compute(values, []);

        double[] expected = [.. Probabilities.Select(p => MathNetStatistics.QuantileCustom(values, p,
            QuantileDefinition.R7))];
        Assert.That(Percentiles(summary), Is.EqualTo(expected).AsCollection.Within(1e-12));
    }

    [Test]
    public void Compute_OneToTen_MatchesNumpyAndTabulatedT()
    {
        var summary = MetricSummary.Compute(OneToTen, []);

        // numpy.percentile(range(1, 11), [5, 10, 25, 50, 75, 90, 95, 99]); t(0.975, 9) = 2.262157162798205.
        double halfWidth = 2.262157162798205 * Math.Sqrt(55.0 / 6) / Math.Sqrt(10);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((summary.Count, summary.Min, summary.Max), Is.EqualTo((10, 1.0, 10.0)));
            Assert.That(summary.Mean, Is.EqualTo(5.5).Within(1e-15));
            Assert.That(summary.StdDev, Is.EqualTo(Math.Sqrt(55.0 / 6)).Within(1e-14));
            Assert.That(Percentiles(summary), Is.EqualTo(new[] { 1.45, 1.9, 3.25, 5.5, 7.75, 9.1, 9.55, 9.91 })
                .AsCollection.Within(1e-12));
            Assert.That(summary.Ci95Low, Is.EqualTo(5.5 - halfWidth).Within(1e-9));
            Assert.That(summary.Ci95High, Is.EqualTo(5.5 + halfWidth).Within(1e-9));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Compute_NormalSample_MomentsAndCiMatchOracle(int seed)
    {
        const double TrueMean = 10;
        double[] values = [.. Normal.Samples(new Random(seed), TrueMean, 2).Take(500)];

        var summary = MetricSummary.Compute(values, []);

        double oracleSd = MathNetStatistics.StandardDeviation(values);
        double halfWidth = StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * oracleSd / Math.Sqrt(values.Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Mean, Is.EqualTo(values.Mean()).Within(1e-12));
            Assert.That(summary.StdDev, Is.EqualTo(oracleSd).Within(1e-12));
            Assert.That(summary.Ci95Low, Is.EqualTo(values.Mean() - halfWidth).Within(1e-12));
            Assert.That(summary.Ci95High, Is.EqualTo(values.Mean() + halfWidth).Within(1e-12));
            Assert.That(summary.Ci95Low, Is.LessThan(TrueMean));
            Assert.That(summary.Ci95High, Is.GreaterThan(TrueMean));
        }
    }

    [Test]
    public void Compute_SingleValue_CollapsesToThatValue()
    {
        var summary = MetricSummary.Compute([4.25], [4.0, 4.25]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { summary.Mean, summary.Ci95Low, summary.Ci95High, summary.P5, summary.P99 },
                Is.All.EqualTo(4.25));
            Assert.That(summary.StdDev, Is.Zero);
            Assert.That(summary.Exceedances.Select(e => e.Probability), Is.EqualTo(new[] { 1.0, 0.0 }));
            Assert.That(summary.Histogram.BinEdges, Is.EqualTo(new[] { 4.25, 4.25 }));
            Assert.That(summary.Histogram.Counts, Is.EqualTo(new[] { 1 }));
        }
    }

    [Test]
    public void Compute_Thresholds_CountStrictlyGreaterInGivenOrder()
    {
        var summary = MetricSummary.Compute(OneToTen, [5, 0, 5.5, 10, double.NegativeInfinity]);

        Assert.That(summary.Exceedances, Is.EqualTo(new ThresholdExceedance[]
        {
            new(5, 0.5), new(0, 1.0), new(5.5, 0.5), new(10, 0.0), new(double.NegativeInfinity, 1.0),
        }));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Compute_RandomThresholds_MatchBruteForceCount(int seed)
    {
        double[] values = LogNormalSample(2000, seed);
        double[] thresholds = [0.1, 0.5, 1, 2, 5, values[17]];

        var summary = MetricSummary.Compute(values, thresholds);

        double[] expected = [.. thresholds.Select(t => (double)values.Count(v => v > t) / values.Length)];
        Assert.That(summary.Exceedances.Select(e => e.Probability), Is.EqualTo(expected));
    }

    [TestCase(1, 20)]
    [TestCase(2, 7)]
    [TestCase(3, 1)]
    public void Compute_RandomData_HistogramCountsSumToCountAndMatchEdges(int seed, int bins)
    {
        double[] values = LogNormalSample(5000, seed);

        var histogram = MetricSummary.Compute(values, [], bins).Histogram;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(histogram.BinCount, Is.EqualTo(bins));
            Assert.That(histogram.Counts.Sum(), Is.EqualTo(values.Length));
            Assert.That(histogram.BinEdges[0], Is.EqualTo(values.Min()));
            Assert.That(histogram.BinEdges[^1], Is.EqualTo(values.Max()));
            Assert.That(histogram.BinEdges, Is.Ordered.Ascending);
            for (int bin = 0; bin < bins; bin++)
            {
                double low = histogram.BinEdges[bin];
                double high = histogram.BinEdges[bin + 1];
                int expected = values.Count(v => v >= low && (v < high || (bin == bins - 1 && v <= high)));
                Assert.That(histogram.Counts[bin], Is.EqualTo(expected), $"bin {bin}");
            }
        }
    }

    [Test]
    public void Compute_ZeroToTenFiveBins_LastBinIncludesMax()
    {
        double[] values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        var histogram = MetricSummary.Compute(values, [], histogramBins: 5).Histogram;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(histogram.BinEdges, Is.EqualTo(new[] { 0.0, 2, 4, 6, 8, 10 }));
            Assert.That(histogram.Counts, Is.EqualTo(new[] { 2, 2, 2, 2, 3 }));
        }
    }

    [Test]
    public void Compute_UnsortedInput_IsNotMutated()
    {
        double[] values = [3, 1, 2];

        MetricSummary.Compute(values, []);

        Assert.That(values, Is.EqualTo(new[] { 3.0, 1, 2 }));
    }

    [Test]
    public void ComputePaired_IdenticalArrays_AllZero()
    {
        double[] values = LogNormalSample(100, 7);

        var summary = MetricSummary.ComputePaired(values, values, [0]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { summary.Mean, summary.StdDev, summary.Min, summary.Max, summary.P5, summary.P50,
                summary.P99, summary.Ci95Low, summary.Ci95High }, Is.All.Zero);
            Assert.That(summary.Exceedances[0].Probability, Is.Zero);
            Assert.That(summary.Histogram.Counts, Is.EqualTo(new[] { 100 }));
        }
    }

    [Test]
    public void ComputePaired_ShiftedScenario_EqualsSummaryOfDifferences()
    {
        double[] baseline = LogNormalSample(300, 11);
        double[] noise = LogNormalSample(300, 12);
        double[] scenario = [.. baseline.Zip(noise, (b, n) => b + n - 1)];
        double[] differences = [.. scenario.Zip(baseline, (s, b) => s - b)];

        var paired = MetricSummary.ComputePaired(scenario, baseline, [0.5]);
        var direct = MetricSummary.Compute(differences, [0.5]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((paired.Mean, paired.StdDev, paired.P50), Is.EqualTo((direct.Mean, direct.StdDev, direct.P50)));
            Assert.That(paired.Exceedances, Is.EqualTo(direct.Exceedances));
            Assert.That(paired.Histogram.Counts, Is.EqualTo(direct.Histogram.Counts));
        }
    }

    [Test]
    public void ComputePaired_LengthMismatch_Throws() =>
        Assert.That(() => MetricSummary.ComputePaired([1.0, 2], [1.0], []), Throws.ArgumentException);

    [Test]
    public void Compute_Empty_Throws() =>
        Assert.That(() => MetricSummary.Compute([], []), Throws.ArgumentException);

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Compute_NonFiniteValue_Throws(double bad) =>
        Assert.That(() => MetricSummary.Compute([1.0, bad, 2], []), Throws.ArgumentException);

    [Test]
    public void Compute_NaNThreshold_Throws() =>
        Assert.That(() => MetricSummary.Compute([1.0], [double.NaN]), Throws.ArgumentException);

    [Test]
    public void Compute_ZeroBins_Throws() =>
        Assert.That(() => MetricSummary.Compute([1.0], [], histogramBins: 0),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    [Category("LongRunning")]
    public void Compute_MillionValues_QuantilesMatchMathNetR7()
    {
        double[] values = LogNormalSample(1_000_000, 5);

        var summary = MetricSummary.Compute(values, []);

        double[] expected = [.. Probabilities.Select(p => MathNetStatistics.QuantileCustom(values, p,
            QuantileDefinition.R7))];
        Assert.That(Percentiles(summary), Is.EqualTo(expected).AsCollection.Within(1e-12));
    }

    private static double[] Percentiles(MetricSummary s) =>
        [s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.P99];

    // Skewed, like shortage and delay metrics, so quantiles and bins are unevenly spaced.
    private static double[] LogNormalSample(int size, int seed) =>
        [.. LogNormal.Samples(new Random(seed), 0, 1).Take(size)];
}
