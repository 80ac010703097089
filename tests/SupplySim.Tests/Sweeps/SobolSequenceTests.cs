using NUnit.Framework;
using SupplySim.Sweeps;

namespace SupplySim.Tests.Sweeps;

/// <summary>The Sobol sequence against published points (Joe-Kuo new-joe-kuo-6.21201, Gray-code order).</summary>
[TestFixture]
internal sealed class SobolSequenceTests
{
    // First 8 points in 3 dimensions, as printed by Joe and Kuo's sobol.cc and by SciPy's qmc.Sobol(d=3, scramble=False).
    private static readonly double[,] Published =
    {
        { 0, 0, 0 },
        { 0.5, 0.5, 0.5 },
        { 0.75, 0.25, 0.25 },
        { 0.25, 0.75, 0.75 },
        { 0.375, 0.375, 0.625 },
        { 0.875, 0.875, 0.125 },
        { 0.625, 0.125, 0.875 },
        { 0.125, 0.625, 0.375 },
    };

    [Test]
    public void Generate_First8PointsIn3Dimensions_MatchPublishedValues()
    {
        var points = SobolSequence.Generate(8, 3);
        for (int i = 0; i < 8; i++)
        {
            Assert.That(points[i], Is.EqualTo(new[] { Published[i, 0], Published[i, 1], Published[i, 2] }), $"point {i}");
        }
    }

    [Test]
    public void Generate_Skip_ReturnsTheSameSuffix()
    {
        var all = SobolSequence.Generate(40, 6);
        var skipped = SobolSequence.Generate(30, 6, skip: 10);
        Assert.That(skipped, Is.EqualTo(all[10..]));
    }

    [TestCase(2)]
    [TestCase(7)]
    [TestCase(40)]
    public void Generate_FirstPowerOfTwoPoints_HitEveryDyadicIntervalOnce(int dimensions)
    {
        // (0, m, s)-net property per coordinate: the first 2^m points put one point in each [j/2^m, (j+1)/2^m).
        const int Count = 256;
        var points = SobolSequence.Generate(Count, dimensions);
        for (int d = 0; d < dimensions; d++)
        {
            var cells = points.Select(p => (int)(p[d] * Count)).Order().ToArray();
            Assert.That(cells, Is.EqualTo(Enumerable.Range(0, Count).ToArray()), $"dimension {d}");
        }
    }

    [Test]
    public void Directions_Dimension3_FollowPolynomialRecurrence()
    {
        // s = 2, a = 1, m = (1, 3); m_i = 2 m_(i-1) ^ 4 m_(i-2) ^ m_(i-2): m_3 = 6 ^ 4 ^ 1 = 3, m_4 = 6 ^ 12 ^ 3 = 9,
        // m_5 = 18 ^ 12 ^ 3 = 29 (Bratley and Fox 1988, eq. 2), with v_i = m_i / 2^i.
        var v = SobolSequence.Directions(2);
        uint[] m = [.. v.Take(5).Select((x, i) => x >> (31 - i))];
        Assert.That(m, Is.EqualTo(new uint[] { 1, 3, 3, 9, 29 }));
    }
}
