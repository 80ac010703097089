using NUnit.Framework;
using SupplySim.Statistics.Sensitivity;
using SupplySim.Sweeps;

namespace SupplySim.Tests.Sweeps;

/// <summary>Sobol, Morris and tornado estimators on functions with known indices (no simulation).</summary>
[TestFixture]
internal sealed class EstimatorTests
{
    private const double A = 7, B = 0.1;

    /// <summary>Ishigami function on [-π, π]^3 (Ishigami and Homma 1990).</summary>
    private static double Ishigami(double[] u)
    {
        double x1 = (2 * u[0] - 1) * Math.PI, x2 = (2 * u[1] - 1) * Math.PI, x3 = (2 * u[2] - 1) * Math.PI;
        return Math.Sin(x1) + (A * Math.Sin(x2) * Math.Sin(x2)) + (B * Math.Pow(x3, 4) * Math.Sin(x1));
    }

    /// <summary>Analytic indices of the Ishigami function (Sobol' and Levitan 1999; Saltelli et al. 2008, 4.2).</summary>
    private static (double[] S1, double[] ST) IshigamiIndices()
    {
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.Pow(1 + (B * pi4 / 5), 2);
        double v2 = A * A / 8;
        double v13 = B * B * pi8 * 8 / 225;
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    private static SobolIndices Sobol(Func<double[], double> f, int n, int k, ulong seed)
    {
        var points = SaltelliDesign.Generate(n, k);
        var y = points.Select(f).ToArray();
        var (a, b, ab) = SaltelliDesign.Split(y, k);
        return SobolEstimator.Estimate(a, b, ab, bootstrap: 500, seed: seed);
    }

    [Test]
    public void Sobol_Ishigami_AnalyticIndicesLieInsideBootstrapIntervals()
    {
        var (s1, st) = IshigamiIndices();
        Assert.That(s1[0], Is.EqualTo(0.3139).Within(1e-4));
        Assert.That(st[2], Is.EqualTo(0.2437).Within(1e-4));
        var indices = Sobol(Ishigami, 8192, 3, seed: 11);
        TestContext.Out.WriteLine("S1 " + string.Join(", ", indices.FirstOrder.Select(x => $"{x.Estimate:F4} [{x.CiLow:F4}, {x.CiHigh:F4}]")));
        TestContext.Out.WriteLine("ST " + string.Join(", ", indices.Total.Select(x => $"{x.Estimate:F4} [{x.CiLow:F4}, {x.CiHigh:F4}]")));
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.That(s1[i], Is.InRange(indices.FirstOrder[i].CiLow, indices.FirstOrder[i].CiHigh), $"S1[{i}]");
                Assert.That(st[i], Is.InRange(indices.Total[i].CiLow, indices.Total[i].CiHigh), $"ST[{i}]");
                Assert.That(indices.FirstOrder[i].Estimate, Is.EqualTo(s1[i]).Within(0.02), $"S1[{i}] estimate");
                Assert.That(indices.Total[i].Estimate, Is.EqualTo(st[i]).Within(0.02), $"ST[{i}] estimate");
            }
        }
    }

    [Test]
    public void Sobol_IshigamiPlusConstant_SameIndicesAndIntervalsAsIshigami()
    {
        // Raw f(B) in the S1 numerator made S1 of Ishigami + 1000 (N = 1024) come out 0.27 [-18, 18], 0.26, -0.03
        // against 0.31, 0.44, 0; centred on the pooled mean, S1 and ST do not depend on the shift.
        var plain = Sobol(Ishigami, 1024, 3, seed: 5);
        var shifted = Sobol(u => Ishigami(u) + 1000, 1024, 3, seed: 5);
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < 3; i++)
            {
                foreach (var (p, s, name) in new[] { (plain.FirstOrder[i], shifted.FirstOrder[i], "S1"), (plain.Total[i], shifted.Total[i], "ST") })
                {
                    Assert.That(s.Estimate, Is.EqualTo(p.Estimate).Within(1e-9), $"{name}[{i}]");
                    Assert.That(s.CiLow, Is.EqualTo(p.CiLow).Within(1e-9), $"{name}[{i}] low");
                    Assert.That(s.CiHigh, Is.EqualTo(p.CiHigh).Within(1e-9), $"{name}[{i}] high");
                }
            }
        }
    }

    [Test]
    public void Sobol_LinearModel_IndicesAreSquaredCoefficientShares()
    {
        // y = x1 + 2 x2 + 3 x3 on the unit cube: S1_i = ST_i = c_i^2 / sum c^2 = (1, 4, 9) / 14.
        double[] c = [1, 2, 3];
        var indices = Sobol(u => (c[0] * u[0]) + (c[1] * u[1]) + (c[2] * u[2]), 4096, 3, seed: 3);
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < 3; i++)
            {
                double expected = c[i] * c[i] / 14;
                Assert.That(expected, Is.InRange(indices.FirstOrder[i].CiLow, indices.FirstOrder[i].CiHigh), $"S1[{i}]");
                Assert.That(expected, Is.InRange(indices.Total[i].CiLow, indices.Total[i].CiHigh), $"ST[{i}]");
                Assert.That(indices.Total[i].Estimate, Is.EqualTo(expected).Within(0.01));
            }
        }
    }

    [Test]
    public void Sobol_SameSeed_BitIdenticalIntervals()
    {
        var first = Sobol(Ishigami, 256, 3, seed: 4);
        var second = Sobol(Ishigami, 256, 3, seed: 4);
        Assert.That(second.FirstOrder.Concat(second.Total), Is.EqualTo(first.FirstOrder.Concat(first.Total)));
    }

    [Test]
    public void Sobol_ConstantOutput_AllIndicesZero()
    {
        var indices = Sobol(_ => 5, 64, 2, seed: 1);
        Assert.That(indices.FirstOrder.Concat(indices.Total).Select(x => x.Estimate), Is.All.EqualTo(0));
    }

    [Test]
    public void Morris_LinearModel_MuStarIsAbsoluteCoefficientAndSigmaZero()
    {
        double[] c = [1, -2, 0.5, 0];
        var points = MorrisDesign.Generate(20, 4, 4, seed: 8);
        var y = points.Select(u => u.Select((x, i) => c[i] * x).Sum()).ToArray();
        var effects = MorrisEstimator.Estimate(points, y, bootstrap: 100, seed: 1);
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.That(effects[i].MuStar, Is.EqualTo(Math.Abs(c[i])).Within(1e-9));
                Assert.That(effects[i].Mu, Is.EqualTo(c[i]).Within(1e-9));
                Assert.That(effects[i].Sigma, Is.EqualTo(0).Within(1e-9));
                Assert.That(effects[i].Count, Is.EqualTo(20));
            }
        }
    }

    [Test]
    public void Morris_Ishigami_RanksX1AboveX3AndX3HasLargeSigma()
    {
        var points = MorrisDesign.Generate(200, 3, 4, seed: 2);
        var effects = MorrisEstimator.Estimate(points, points.Select(Ishigami).ToArray(), bootstrap: 100, seed: 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects[0].MuStar, Is.GreaterThan(effects[2].MuStar));
            Assert.That(effects[2].Sigma, Is.GreaterThan(effects[2].MuStar * 0.5), "x3 acts only through its interaction with x1");
            Assert.That(effects[0].MuStarCi.CiLow, Is.LessThanOrEqualTo(effects[0].MuStar));
            Assert.That(effects[0].MuStarCi.CiHigh, Is.GreaterThanOrEqualTo(effects[0].MuStar));
        }
    }

    [Test]
    public void Tornado_LinearModel_SwingIsCoefficientTimesRange()
    {
        double[] c = [3, -1];
        var y = OneAtATimeDesign.Generate(2).Select(u => (c[0] * u[0]) + (c[1] * u[1])).ToArray();
        var bars = TornadoEstimator.Estimate(y);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bars[0].Base, Is.EqualTo(1.0));
            Assert.That(bars[0].Low, Is.EqualTo(-0.5));
            Assert.That(bars[0].High, Is.EqualTo(2.5));
            Assert.That(bars.Select(b => b.Swing), Is.EqualTo(new[] { 3.0, 1.0 }));
        }
    }
}
