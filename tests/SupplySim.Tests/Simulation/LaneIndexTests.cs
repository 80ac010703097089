using System.Runtime.Intrinsics;
using NUnit.Framework;
using SupplySim.Simulation;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The scatter's lane indices: whole doubles to longs, exactly, at every width. The 2^52 trick of the 4- and 2-lane
/// widths runs only on machines without AVX-512, so it is tested here directly as well as through the widths.
/// </summary>
[TestFixture]
internal sealed class LaneIndexTests
{
    private static readonly double[] Wholes = [0, 1, 2, 7, 63, 64, 1_000_003, 4_294_967_295, 4_294_967_296, (1L << 40) + 3, (1L << 52) - 1];

    private static IEnumerable<double[]> Quads() => Wholes.Chunk(4).Select(c => c.Concat(Enumerable.Repeat(5.0, 4 - c.Length)).ToArray());

    [Test]
    public void WholeToInt64_FourLanes_EqualsTheCast()
    {
        foreach (var quad in Quads())
        {
            var longs = Lanes4.WholeToInt64(Vector256.Create(quad));

            Assert.That(Enumerable.Range(0, 4).Select(i => longs.GetElement(i)), Is.EqualTo(quad.Select(d => (long)d)));
        }
    }

    [Test]
    public void WholeToInt64_TwoLanes_EqualsTheCast()
    {
        foreach (double whole in Wholes)
        {
            var longs = Lanes2.WholeToInt64(Vector128.Create(whole, whole + 1));

            Assert.That((longs.GetElement(0), longs.GetElement(1)), Is.EqualTo(((long)whole, (long)whole + 1)));
        }
    }

    [Test]
    public void CopyIndicesTo_EveryWidth_EqualsTheCast()
    {
        long[] expected = [0, 9, (1L << 33) + 1, (1L << 52) - 1, 12, 64, 65, 4096];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Indices<Lanes8, Vector512<double>>(expected), Is.EqualTo(expected), "8 lanes");
            Assert.That(Indices<Lanes4, Vector256<double>>(expected), Is.EqualTo(expected.Take(4)), "4 lanes");
            Assert.That(Indices<Lanes2, Vector128<double>>(expected), Is.EqualTo(expected.Take(2)), "2 lanes");
            Assert.That(Indices<Lanes1, bool>(expected), Is.EqualTo(expected.Take(1)), "1 lane");
        }
    }

    private static long[] Indices<T, TMask>(long[] wholes)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        var value = T.Zero;
        for (int lane = 0; lane < T.Count; lane++)
        {
            value = T.WithElement(value, lane, wholes[lane]);
        }

        var indices = new long[T.Count];
        T.CopyIndicesTo(value, indices);
        return indices;
    }
}
