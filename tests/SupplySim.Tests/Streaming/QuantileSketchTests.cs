using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Tests.Streaming;

/// <summary>The sketch's order statistics stay within the stated relative accuracy of the exact ones.</summary>
[TestFixture]
internal sealed class QuantileSketchTests
{
    private const double Alpha = QuantileSketch.RelativeAccuracy;

    private static IEnumerable<TestCaseData> Samples()
    {
        yield return new TestCaseData("lognormal", 1UL).SetName("OrderStatistics_LogNormal_WithinAlpha");
        yield return new TestCaseData("mixed-signs", 2UL).SetName("OrderStatistics_MixedSignsAndZeros_WithinAlpha");
        yield return new TestCaseData("mostly-zero", 3UL).SetName("OrderStatistics_MostlyZero_ZerosExact");
        yield return new TestCaseData("wide-range", 4UL).SetName("OrderStatistics_RangeOfEightDecades_WithinAlpha");
    }

    private static double[] Sample(string kind, ulong seed, int count)
    {
        var rng = Rng.ForStream(seed, 0, 0);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u = rng.NextDouble();
            values[i] = kind switch
            {
                "lognormal" => Math.Exp(3 * (u - 0.5)) * 1000,
                "mixed-signs" => u < 0.2 ? 0 : (u - 0.6) * 1e3,
                "mostly-zero" => u < 0.9 ? 0 : u,
                _ => Math.Pow(10, (u * 8) - 4),
            };
        }

        return values;
    }

    [TestCaseSource(nameof(Samples))]
    public void OrderStatistics_EveryRank_WithinRelativeAccuracy(string kind, ulong seed)
    {
        double[] values = Sample(kind, seed, 5000);
        var sketch = new QuantileSketch();
        foreach (double value in values)
        {
            sketch.Add(value);
        }

        Array.Sort(values);
        long[] ranks = [.. Enumerable.Range(0, values.Length).Select(r => (long)r)];
        var estimates = new double[ranks.Length];
        sketch.OrderStatistics(ranks, values[0], values[^1], estimates);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sketch.Count, Is.EqualTo(values.Length));
            Assert.That(sketch.HasCollapsed, Is.False);
            for (int r = 0; r < values.Length; r++)
            {
                Assert.That(estimates[r], Is.EqualTo(values[r]).Within((Alpha * 1.000001 * Math.Abs(values[r])) + 1e-300), $"rank {r}");
                if (values[r] == 0)
                {
                    Assert.That(estimates[r], Is.Zero, $"rank {r}");
                }
            }
        }
    }

    [Test]
    public void Add_RangeWiderThanMaxBuckets_CollapsesSmallestMagnitudesOnly()
    {
        var sketch = new QuantileSketch();
        sketch.Add(1e-300);
        sketch.Add(1e-299);
        for (int i = 0; i < 100; i++)
        {
            sketch.Add(1000 + i);
        }

        var estimates = new double[2];
        sketch.OrderStatistics([1, 50], 1e-300, 1099, estimates);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sketch.HasCollapsed, Is.True);
            Assert.That(sketch.Count, Is.EqualTo(102));
            Assert.That(estimates[1], Is.EqualTo(1048).Within(Alpha * 1048 * 1.000001));
        }
    }

    [Test]
    public void Add_MillionValuesOverSixHundredDecades_BucketsBoundedAndLargeValuesWithinAlpha()
    {
        // Magnitudes 1e-300 to 1e300 of both signs: far wider than the dynamic range, so both stores collapse.
        var rng = Rng.ForStream(5, 0, 0);
        var values = new double[1_000_000];
        for (int i = 0; i < values.Length; i++)
        {
            double u = rng.NextDouble();
            values[i] = (u < 0.5 ? -1 : 1) * Math.Pow(10, (rng.NextDouble() * 600) - 300);
        }

        var sketch = new QuantileSketch();
        foreach (double value in values)
        {
            sketch.Add(value);
        }

        Array.Sort(values);
        long[] ranks = [.. Enumerable.Range(0, 1000).Select(k => (long)k * 1000 + 7)];
        var estimates = new double[ranks.Length];
        sketch.OrderStatistics(ranks, values[0], values[^1], estimates);
        double floor = 1e300 * 1.0101 / QuantileSketch.DynamicRange;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sketch.HasCollapsed, Is.True);
            Assert.That(sketch.AllocatedBuckets, Is.LessThanOrEqualTo(2 * SketchStore.MaxBuckets));
            for (int r = 0; r < ranks.Length; r++)
            {
                double exact = values[ranks[r]];
                Assert.That(estimates[r], Is.EqualTo(exact).Within((Alpha * 1.000001 * Math.Abs(exact)) + floor), $"rank {ranks[r]}");
            }
        }
    }

    [Test]
    public void DynamicRange_AtHalfPercent_IsAboutEightHundredMillion() =>
        Assert.That(QuantileSketch.DynamicRange, Is.EqualTo(7.8e8).Within(2).Percent);
}
