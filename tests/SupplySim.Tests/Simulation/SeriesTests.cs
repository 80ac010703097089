using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Optional per-trial series: weekly cover and fill, monthly lane flows.</summary>
[TestFixture]
internal sealed class SeriesTests
{
    [Test]
    public void WeeklySeries_SupplierBanned_CoverFallsToZeroAndFillFollows()
    {
        // 100 t on hand, 10 t/d, banned supplier: cover ends day d at 10 - (d + 1) days; week 1 runs dry on day 10.
        var model = TestModels.Compile(TestModels.Chain);
        var result = MonteCarlo.Run(model, model.Find("ban")!, new MonteCarloOptions(2, 1, RecordWeeklySeries: true));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Layout.DemandSeries, Is.EqualTo(new[] { ("user", "sb") }));
            Assert.That(result.WeeklyCover(0, 0)[0], Is.EqualTo((9 + 8 + 7 + 6 + 5 + 4 + 3) / 7.0).Within(1e-9));
            Assert.That(result.WeeklyFill(0, 0)[0], Is.EqualTo(1.0));
            Assert.That(result.WeeklyFill(0, 1)[0], Is.EqualTo(3.0 / 7.0).Within(1e-9));
            Assert.That(result.WeeklyCover(0, 5)[1], Is.Zero);
            Assert.That(result.WeeklyFill(0, 5)[1], Is.Zero);
        }
    }

    [Test]
    public void WeeklySeries_NotRecorded_Throws()
    {
        var model = TestModels.Compile(TestModels.Chain);
        var result = MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(1, 1));
        Assert.That(() => result.WeeklyCover(0, 0).ToArray(), Throws.InvalidOperationException);
    }
}
