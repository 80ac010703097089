namespace SupplySim.Simulation;

/// <summary>
/// Every column's sum over trials, for the columns a run does not keep (<see cref="MetricDetail"/>): a report of a large
/// network draws lane flows and picks its key consumers from means, and a mean needs no trials × columns table.
/// </summary>
/// <remarks>
/// Sums are exact, in fixed point (2^-32 resolution) in 128-bit integers, so workers add their trials in any order and
/// merge in any order and the means come out the same to the bit whatever the thread count or scheduling. A double
/// sum would depend on the order.
/// </remarks>
internal sealed class ColumnSums
{
    /// <summary>2^32: values are rounded to 2^-32 (2.3e-10) before they are added.</summary>
    private const double Scale = 4294967296.0;

    /// <summary>
    /// Largest magnitude added: 1e20 × 2^32 × 1e8 trials stays below Int128's 1.7e38. Tonnes, days and shares are
    /// orders of magnitude below it.
    /// </summary>
    private const double MaxMagnitude = 1e20;

    private readonly Int128[] _sums;

    public ColumnSums(int width) => _sums = new Int128[width];

    /// <summary>Trials added.</summary>
    public long Count { get; private set; }

    /// <summary>Columns per trial.</summary>
    public int Width => _sums.Length;

    /// <summary>Bytes held per column.</summary>
    public const int BytesPerColumn = 16;

    /// <summary>Adds one trial's row (every column of the kernel's layout).</summary>
    public void Add(ReadOnlySpan<double> row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(row.Length, _sums.Length);
        for (int column = 0; column < row.Length; column++)
        {
            double value = row[column];
            if (!(Math.Abs(value) <= MaxMagnitude))
            {
                throw new InvalidOperationException($"column {column} of a trial's row is {value}; an exact mean holds finite values up to {MaxMagnitude:0e0} in magnitude");
            }

            _sums[column] += (Int128)Math.Round(value * Scale);
        }

        Count++;
    }

    /// <summary>Adds <paramref name="other"/>'s trials (exact: the order of merges never matters).</summary>
    public void Merge(ColumnSums other)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(other.Width, Width);
        for (int column = 0; column < _sums.Length; column++)
        {
            _sums[column] += other._sums[column];
        }

        Count += other.Count;
    }

    /// <summary>Mean of <paramref name="column"/> over the trials added (to 2^-32 of each value).</summary>
    public double Mean(int column) => Count == 0
        ? throw new InvalidOperationException("no trials were added")
        : (double)_sums[column] / Scale / Count;

    /// <summary>The sums of <paramref name="parts"/> together.</summary>
    public static ColumnSums? Combine(IEnumerable<ColumnSums?> parts)
    {
        ColumnSums? total = null;
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            total ??= new ColumnSums(part.Width);
            total.Merge(part);
        }

        return total;
    }
}
