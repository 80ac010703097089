using NUnit.Framework;
using SupplySim.Decisions;

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
}
