using NUnit.Framework;
using SupplySim.Calibration;

namespace SupplySim.Tests.Calibration;

/// <summary>The pooled posterior/prior CRPS ratio that scores fitted and held-out observations.</summary>
[TestFixture]
internal sealed class CrpsRatioTests
{
    [Test]
    public void GeometricMean_TwiceAsGoodAndTwiceAsBad_PoolToOne()
    {
        // The arithmetic mean of 0.5 and 2.0 is 1.25, which read as "the calibration made the forecast worse".
        var (ratio, skipped) = CrpsRatio.GeometricMean([(2.0, 1.0), (3.0, 6.0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ratio, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(skipped, Is.Zero);
        }
    }

    [Test]
    public void GeometricMean_OneCrpsZero_SkippedAndCountedNeverInfinite()
    {
        // Prior 0 with posterior > 0 used to make the mean +∞; posterior 0 with prior > 0 would make a geometric mean 0.
        var (ratio, skipped) = CrpsRatio.GeometricMean([(0.0, 0.3), (1.0, 0.0), (4.0, 1.0), (0.0, 0.0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ratio, Is.EqualTo(0.5).Within(1e-12), "sqrt(0.25 * 1): the 0/0 observation counts as 1");
            Assert.That(skipped, Is.EqualTo(2));
        }
    }

    [Test]
    public void GeometricMean_NothingLeft_NaN()
    {
        var (ratio, skipped) = CrpsRatio.GeometricMean([(0.0, 1.0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ratio, Is.NaN);
            Assert.That(skipped, Is.EqualTo(1));
        }
    }
}
