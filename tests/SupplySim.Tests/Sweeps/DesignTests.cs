using NUnit.Framework;
using SupplySim.Sweeps;

namespace SupplySim.Tests.Sweeps;

/// <summary>Grid, Latin hypercube, Saltelli, Morris and one-at-a-time designs.</summary>
[TestFixture]
internal sealed class DesignTests
{
    [Test]
    public void FullFactorial_TwoByThree_EnumeratesEveryCombinationLastFastest()
    {
        var points = FullFactorialDesign.Generate([2, 3]);
        Assert.That(points, Is.EqualTo(new[]
        {
            new[] { 0.0, 0.0 }, [0.0, 0.5], [0.0, 1.0], [1.0, 0.0], [1.0, 0.5], [1.0, 1.0],
        }));
    }

    [TestCase(1, 1UL)]
    [TestCase(10, 2UL)]
    [TestCase(97, 3UL)]
    [TestCase(500, 4UL)]
    public void LatinHypercube_EachStratumOfEachDimension_HitExactlyOnce(int samples, ulong seed)
    {
        const int Dimensions = 5;
        var points = LatinHypercubeDesign.Generate(samples, Dimensions, seed);
        Assert.That(points, Has.Length.EqualTo(samples));
        for (int d = 0; d < Dimensions; d++)
        {
            var strata = points.Select(p => (int)Math.Floor(p[d] * samples)).Order().ToArray();
            Assert.That(strata, Is.EqualTo(Enumerable.Range(0, samples).ToArray()), $"dimension {d}");
        }
    }

    [Test]
    public void LatinHypercube_SameSeed_SameDesign_OtherSeed_Differs()
    {
        var first = LatinHypercubeDesign.Generate(20, 3, 9);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LatinHypercubeDesign.Generate(20, 3, 9), Is.EqualTo(first));
            Assert.That(LatinHypercubeDesign.Generate(20, 3, 10), Is.Not.EqualTo(first));
        }
    }

    [Test]
    public void Saltelli_Blocks_AreA_ABi_B()
    {
        const int K = 3;
        var points = SaltelliDesign.Generate(8, K);
        var sobol = SobolSequence.Generate(8, 2 * K);
        Assert.That(points, Has.Length.EqualTo(8 * (K + 2)));
        for (int j = 0; j < 8; j++)
        {
            var block = points[(j * (K + 2))..((j + 1) * (K + 2))];
            Assert.That(block[0], Is.EqualTo(sobol[j][..K]));
            Assert.That(block[K + 1], Is.EqualTo(sobol[j][K..]));
            for (int i = 0; i < K; i++)
            {
                var expected = (double[])sobol[j][..K].Clone();
                expected[i] = sobol[j][K + i];
                Assert.That(block[1 + i], Is.EqualTo(expected));
            }
        }
    }

    [TestCase(64)]
    [TestCase(256)]
    public void Saltelli_PowerOfTwoBaseSamples_AAndBHaveOnePointPerStratumInEveryDimension(int n)
    {
        // Points 1..N of the Sobol sequence (origin skipped) left one stratum [j/N, (j+1)/N) empty and one doubled in
        // every dimension; points 0..N-1 are a (t, m, s)-net, so each stratum holds exactly one point.
        const int K = 4;
        var points = SaltelliDesign.Generate(n, K);
        int block = SaltelliDesign.BlockSize(K);
        var a = Enumerable.Range(0, n).Select(j => points[j * block]).ToArray();
        var b = Enumerable.Range(0, n).Select(j => points[(j * block) + block - 1]).ToArray();
        using (Assert.EnterMultipleScope())
        {
            foreach (var (matrix, name) in new[] { (a, "A"), (b, "B") })
            {
                for (int d = 0; d < K; d++)
                {
                    var strata = matrix.Select(p => (int)Math.Floor(p[d] * n)).Order().ToArray();
                    Assert.That(strata, Is.EqualTo(Enumerable.Range(0, n).ToArray()), $"{name} dimension {d}");
                }
            }
        }
    }

    [TestCase(4)]
    [TestCase(6)]
    public void Morris_ConsecutivePoints_DifferInOneCoordinateByDelta(int levels)
    {
        const int K = 4, R = 25;
        var points = MorrisDesign.Generate(R, K, levels, seed: 5);
        double delta = MorrisDesign.Delta(levels);
        Assert.That(points, Has.Length.EqualTo(R * (K + 1)));
        for (int t = 0; t < R; t++)
        {
            var moved = new List<int>();
            for (int step = 1; step <= K; step++)
            {
                var before = points[(t * (K + 1)) + step - 1];
                var after = points[(t * (K + 1)) + step];
                var changed = Enumerable.Range(0, K).Where(d => before[d] != after[d]).ToArray();
                Assert.That(changed, Has.Length.EqualTo(1));
                Assert.That(Math.Abs(after[changed[0]] - before[changed[0]]), Is.EqualTo(delta).Within(1e-12));
                Assert.That(after, Is.All.InRange(0.0, 1.0));
                moved.Add(changed[0]);
            }

            Assert.That(moved.Order(), Is.EqualTo(Enumerable.Range(0, K)), "each factor moves once per trajectory");
        }
    }

    [Test]
    public void OneAtATime_HasCentreThenLowHighPerDimension()
    {
        var points = OneAtATimeDesign.Generate(2);
        Assert.That(points, Is.EqualTo(new[]
        {
            new[] { 0.5, 0.5 }, [0.0, 0.5], [1.0, 0.5], [0.5, 0.0], [0.5, 1.0],
        }));
    }
}
