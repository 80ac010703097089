using NUnit.Framework;
using SupplySim.Simulation;

namespace SupplySim.Tests.Simulation;

/// <summary><see cref="LaneMath.Exp{T, TMask}"/>: accurate, and the same bits at every width (trials must not depend on it).</summary>
[TestFixture]
internal sealed class LaneMathTests
{
    private static readonly double[] Arguments =
    [
        0, 1e-300, -1e-12, 0.5, -0.5, 0.34657359027997264, 0.34657359027997270, 1, -1, 2.5, -3.75, 10, -20, 88.7, -300.25,
        699.5, -699.5, 709, -745, 1e6, -1e6,
    ];

    [Test]
    public void Exp_AcrossTheRange_WithinOneE14OfMathExp()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (double x in Arguments.Where(x => Math.Abs(x) <= 700))
            {
                Assert.That(LaneMath.Exp(x), Is.EqualTo(Math.Exp(x)).Within(1e-14 * Math.Exp(x)), $"e^{x}");
            }
        }
    }

    [Test]
    public void Exp_BeyondSevenHundred_ClampedToEToTheSevenHundred()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LaneMath.Exp(1e6), Is.EqualTo(LaneMath.Exp(700)));
            Assert.That(LaneMath.Exp(-1e6), Is.EqualTo(LaneMath.Exp(-700)));
            Assert.That(LaneMath.Exp(-700), Is.GreaterThan(0));
        }
    }

    [Test]
    public void Exp_EveryWidth_SameBitsAsOneLane()
    {
        var mismatches = new List<string>();
        Collect<Lanes8, System.Runtime.Intrinsics.Vector512<double>>(mismatches);
        Collect<Lanes4, System.Runtime.Intrinsics.Vector256<double>>(mismatches);
        Collect<Lanes2, System.Runtime.Intrinsics.Vector128<double>>(mismatches);
        Assert.That(mismatches, Is.Empty);
    }

    private static void Collect<T, TMask>(List<string> mismatches)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        for (int first = 0; first < Arguments.Length; first += T.Count)
        {
            var x = T.Zero;
            for (int lane = 0; lane < T.Count; lane++)
            {
                x = T.WithElement(x, lane, Arguments[(first + lane) % Arguments.Length]);
            }

            var y = LaneMath.Exp<T, TMask>(x);
            for (int lane = 0; lane < T.Count; lane++)
            {
                double argument = T.GetElement(x, lane), expected = LaneMath.Exp(argument), actual = T.GetElement(y, lane);
                if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
                {
                    mismatches.Add($"{T.Count} lanes, e^{argument}: {actual:R} vs one lane {expected:R}");
                }
            }
        }
    }
}
