using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Statistics;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Tests.Streaming;

/// <summary>Chunked accumulation agrees with <see cref="MetricSummary.Compute"/> on the same values.</summary>
[TestFixture]
internal sealed class MetricAccumulatorTests
{
    [TestCase(1, TestName = "ToSummary_ChunksOfOne_MatchesExact")]
    [TestCase(7, TestName = "ToSummary_ChunksOfSeven_MatchesExact")]
    [TestCase(1000, TestName = "ToSummary_ChunksOfThousand_MatchesExact")]
    [TestCase(5000, TestName = "ToSummary_OneChunk_MatchesExact")]
    public void ToSummary_AnyChunking_MatchesExactMomentsAndCounts(int chunk)
    {
        var rng = Rng.ForStream(11, 0, 0);
        var values = new double[3001];
        for (int i = 0; i < values.Length; i++)
        {
            double u = rng.NextDouble();
            values[i] = u < 0.3 ? 0 : 1e6 + (u * 10);
        }

        double[] thresholds = [0, 1e6 + 5];
        var accumulator = new MetricAccumulator(thresholds);
        for (int first = 0; first < values.Length; first += chunk)
        {
            accumulator.AddChunk(values.AsSpan(first, Math.Min(chunk, values.Length - first)));
        }

        var streamed = accumulator.ToSummary();
        var exact = MetricSummary.Compute(values, thresholds);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(streamed.Count, Is.EqualTo(exact.Count));
            Assert.That(streamed.Min, Is.EqualTo(exact.Min));
            Assert.That(streamed.Max, Is.EqualTo(exact.Max));
            Assert.That(streamed.Mean, Is.EqualTo(exact.Mean).Within(1e-12).Percent);
            Assert.That(streamed.StdDev, Is.EqualTo(exact.StdDev).Within(1e-10).Percent);
            Assert.That(streamed.Exceedances, Is.EqualTo(exact.Exceedances));
            Assert.That(streamed.Histogram.BinEdges, Is.EqualTo(exact.Histogram.BinEdges));
            Assert.That(streamed.Histogram.Counts.Sum(), Is.EqualTo(values.Length));
            Assert.That(streamed.P50, Is.EqualTo(exact.P50).Within(0.5).Percent);
            Assert.That(streamed.P10, Is.Zero);
        }
    }

    [Test]
    public void AddChunk_NaN_Throws() =>
        Assert.That(() => new MetricAccumulator([]).AddChunk([1, double.NaN]), Throws.ArgumentException);

    [Test]
    public void ToSummary_AllEqual_SingleBinAndZeroStd()
    {
        var accumulator = new MetricAccumulator([]);
        accumulator.AddChunk([2.5, 2.5, 2.5]);
        var summary = accumulator.ToSummary();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.StdDev, Is.Zero);
            Assert.That(summary.P50, Is.EqualTo(2.5));
            Assert.That(summary.Histogram.BinEdges, Is.EqualTo(new[] { 2.5, 2.5 }));
            Assert.That(summary.Histogram.Counts, Is.EqualTo(new[] { 3 }));
        }
    }

    [Test]
    public void AddChunk_AfterRangeIsCovered_MemoryDoesNotGrowWithTrials()
    {
        // The sketch's stores reach their widest at once; after that no number of values allocates anything.
        var rng = Rng.ForStream(12, 0, 0);
        var chunk = new double[1024];
        void Fill()
        {
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (rng.NextDouble() < 0.5 ? -1 : 1) * Math.Pow(10, (rng.NextDouble() * 40) - 20);
            }
        }

        var accumulator = new MetricAccumulator([0, 1]);
        Fill();
        accumulator.AddChunk(chunk);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int c = 0; c < 1000; c++)
        {
            Fill();
            accumulator.AddChunk(chunk);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accumulator.Count, Is.EqualTo(1001 * 1024));
            Assert.That(allocated, Is.Zero);
            Assert.That(accumulator.AllocatedBuckets, Is.LessThanOrEqualTo(2 * SketchStore.MaxBuckets));
        }
    }
}
