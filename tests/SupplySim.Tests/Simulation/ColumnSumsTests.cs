using NUnit.Framework;
using SupplySim.Simulation;

namespace SupplySim.Tests.Simulation;

/// <summary>Column means of the columns a run does not keep: exact, so the same whatever order trials arrive in.</summary>
[TestFixture]
internal sealed class ColumnSumsTests
{
    [Test]
    public void Mean_AnyOrderOfTrialsAndMerges_SameBits_AndTheSampleMean()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 1e6, -random.NextDouble(), random.NextDouble() * 1e-3 }).ToArray();
        var inOrder = new ColumnSums(3);
        foreach (var row in rows)
        {
            inOrder.Add(row);
        }

        // Two "workers" taking alternate trials in reverse, merged the other way round.
        var (even, odd) = (new ColumnSums(3), new ColumnSums(3));
        for (int trial = rows.Length - 1; trial >= 0; trial--)
        {
            (trial % 2 == 0 ? even : odd).Add(rows[trial]);
        }

        var merged = ColumnSums.Combine([odd, even])!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merged.Count, Is.EqualTo(rows.Length));
            for (int column = 0; column < 3; column++)
            {
                Assert.That(BitConverter.DoubleToInt64Bits(merged.Mean(column)), Is.EqualTo(BitConverter.DoubleToInt64Bits(inOrder.Mean(column))), $"column {column}");
                double expected = rows.Average(row => row[column]);
                Assert.That(inOrder.Mean(column), Is.EqualTo(expected).Within(1e-9 + (1e-12 * Math.Abs(expected))), $"column {column}");
            }
        }
    }

    [Test]
    public void Add_NonFiniteOrHugeValue_ThrowsNamingTheColumn()
    {
        var sums = new ColumnSums(2);

        Assert.That(() => sums.Add([1, double.NaN]), Throws.InvalidOperationException.With.Message.Contains("column 1"));
        Assert.That(() => sums.Add([1e21, 0]), Throws.InvalidOperationException.With.Message.Contains("column 0"));
        Assert.That(() => sums.Mean(0), Throws.InvalidOperationException, "no trial was added whole");
    }
}
