using System.Diagnostics;

namespace SupplySim.Statistics;

/// <summary>
/// Equal-width histogram of one metric over trials, spanning exactly [min, max] of the values.
/// </summary>
/// <remarks>
/// Bin <c>k</c> covers <c>[BinEdges[k], BinEdges[k + 1])</c>; the last bin is closed on the right so that the
/// maximum is counted. When every value is equal there is a single bin whose two edges are both that value.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class Histogram
{
    internal Histogram(double[] binEdges, int[] counts)
    {
        Debug.Assert(binEdges.Length == counts.Length + 1, "one more edge than bins");
        BinEdges = Array.AsReadOnly(binEdges);
        Counts = Array.AsReadOnly(counts);
    }

    /// <summary>Gets the number of bins (at least 1).</summary>
    public int BinCount => Counts.Count;

    /// <summary>
    /// Gets the bin edges in ascending order: <see cref="BinCount"/> + 1 values, the first equal to the minimum
    /// and the last equal to the maximum of the summarised values.
    /// </summary>
    public IReadOnlyList<double> BinEdges { get; }

    /// <summary>Gets the number of values in each bin; the counts sum to the number of values summarised.</summary>
    public IReadOnlyList<int> Counts { get; }
}
