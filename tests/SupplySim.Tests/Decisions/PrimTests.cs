using NUnit.Framework;
using SupplySim.Decisions;
using SupplySim.Simulation;

namespace SupplySim.Tests.Decisions;

/// <summary>PRIM finds a known box in synthetic data.</summary>
[TestFixture]
internal sealed class PrimTests
{
    [Test]
    public void Peel_OutputOneInsideAKnownBoxWithNoiseElsewhere_FindsTheBox()
    {
        // 4,000 points, three inputs uniform on [0, 1]; the case of interest is x1 > 0.7 and x2 < 0.3 (9% of points),
        // plus 5% noise elsewhere; x3 is irrelevant.
        var random = new Random(12);
        var inputs = new List<double[]>();
        var interesting = new List<bool>();
        for (int i = 0; i < 4000; i++)
        {
            double[] x = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            inputs.Add(x);
            interesting.Add((x[0] > 0.7 && x[1] < 0.3) || random.NextDouble() < 0.05);
        }

        var trajectory = Prim.Peel(inputs, interesting);
        var box = Prim.Choose(trajectory, minimumCoverage: 0.5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.Lower[0], Is.EqualTo(0.7).Within(0.05), "x1's lower bound");
            Assert.That(box.Upper[1], Is.EqualTo(0.3).Within(0.05), "x2's upper bound");
            Assert.That(box.Lower[2], Is.LessThan(0.05), "x3 is not restricted below");
            Assert.That(box.Upper[2], Is.GreaterThan(0.95), "x3 is not restricted above");
            Assert.That(box.Density, Is.GreaterThanOrEqualTo(0.9));
            Assert.That(trajectory[0].Coverage, Is.EqualTo(1));
            Assert.That(trajectory.Zip(trajectory.Skip(1)).All(p => p.Second.Mass < p.First.Mass), Is.True, "every peel removes points");
        }
    }

    [Test]
    public void Peel_FourLevelInputBesideContinuousOne_KeepsTheLevelsThatAreNoWorse()
    {
        // The reviewer's case (as `discover` on a Morris sweep): x0 has 4 levels, P(case) +0.15 on every level above 0;
        // x1 is continuous, +0.25 above 0.5. Ranking peels by density alone, PRIM peeled level 0 and then the whole
        // level 1/3 (as good as the levels kept) in one "5%" peel: box x0 >= 0.67, coverage 0.512, density 0.494.
        var rng = Rng.ForStream(3, 0, 9);
        var inputs = new List<double[]>();
        var interesting = new List<bool>();
        for (int i = 0; i < 400; i++)
        {
            double level = Math.Floor(rng.NextDouble() * 4) / 3, x1 = rng.NextDouble();
            inputs.Add([level, x1]);
            interesting.Add(rng.NextDouble() < (level > 0.1 ? 0.30 : 0.15) + (x1 > 0.5 ? 0.25 : 0));
        }

        var trajectory = Prim.Peel(inputs, interesting);
        var box = Prim.Choose(trajectory, minimumCoverage: 0.5);
        TestContext.Out.WriteLine($"box x0 [{box.Lower[0]:F2}, {box.Upper[0]:F2}] x1 [{box.Lower[1]:F2}, {box.Upper[1]:F2}] coverage {box.Coverage:F3} density {box.Density:F3}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.Lower[0], Is.LessThan(0.5), "x0 >= 0.67 would drop level 1/3, which is no worse than the levels kept");
            Assert.That(box.Upper[0], Is.EqualTo(1), "x0 not restricted above");
            Assert.That(box.Lower[1], Is.EqualTo(0.5).Within(0.1), "x1 > 0.5 found");
            Assert.That(box.Coverage, Is.GreaterThan(0.512), "coverage above the old box's");
            Assert.That(box.Density, Is.GreaterThan(0.494), "density above the old box's");
            Assert.That(trajectory.Zip(trajectory.Skip(1)).All(p => p.Second.Mass < p.First.Mass), Is.True, "every peel removes points");
        }
    }
}
