using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Per-trial values that replace what some per-trial parameters would draw: rows of values (a posterior's particles,
/// or one candidate of a calibration) and how a trial picks its row. A trial first draws every parameter from its own
/// stream as always, then the chosen row overwrites the targeted ones, so the other parameters' draws, and every other
/// random stream, are the same as without overrides (common random numbers).
/// </summary>
internal sealed class ParameterOverrides
{
    /// <summary>The stream a trial draws its row from, apart from every parameter's (keyed by hashes of names) and the kernel's.</summary>
    private const ulong RowStream = 6UL << 56;

    private readonly double[] _values;
    private readonly double[] _cumulativeWeights;
    private readonly int _columns;

    /// <param name="targets">Per column, the parameters of the table it sets (a name may name several).</param>
    /// <param name="values">Row-major values, <c>[row * columns + column]</c>.</param>
    /// <param name="weights">Per row, its probability weight (non-negative, not all zero); ignored with a fixed row.</param>
    /// <param name="fixedRow">Every trial uses this row, or -1 to draw a row per trial by weight.</param>
    public ParameterOverrides(IReadOnlyList<int[]> targets, double[] values, IReadOnlyList<double> weights, int fixedRow = -1)
    {
        _columns = targets.Count;
        if (_columns == 0 || values.Length % _columns != 0 || values.Length / _columns != weights.Count)
        {
            throw new ArgumentException("values must hold one row of every column per weight");
        }

        var pairs = targets.SelectMany((parameters, column) => parameters.Select(p => (p, column))).ToArray();
        TargetParameter = [.. pairs.Select(t => t.p)];
        TargetColumn = [.. pairs.Select(t => t.column)];
        _values = values;
        Rows = weights.Count;
        FixedRow = fixedRow;
        _cumulativeWeights = new double[Rows];
        double total = 0;
        for (int row = 0; row < Rows; row++)
        {
            total += weights[row];
            _cumulativeWeights[row] = total;
        }

        if (!(total > 0) && fixedRow < 0)
        {
            throw new ArgumentException("the weights must not all be zero");
        }

        for (int row = 0; row < Rows; row++)
        {
            _cumulativeWeights[row] /= total;
        }
    }

    /// <summary>Per target, the index of the parameter it sets.</summary>
    public int[] TargetParameter { get; }

    /// <summary>Per target, the column of the rows it takes its value from.</summary>
    public int[] TargetColumn { get; }

    public int Rows { get; }

    public int FixedRow { get; }

    /// <summary>The row <paramref name="trial"/> uses: the fixed one, or a draw by weight from the trial's own stream.</summary>
    public int RowOf(ulong seed, long trial)
    {
        if (FixedRow >= 0)
        {
            return FixedRow;
        }

        var rng = Rng.ForStream(seed, trial, RowStream);
        double u = rng.NextDouble();
        // The first row whose cumulative weight exceeds u: rows of zero weight share their predecessor's value and are
        // never chosen.
        int low = 0, high = Rows - 1;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (_cumulativeWeights[middle] > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    public double Value(int row, int column) => _values[(row * _columns) + column];

    /// <summary>The same rows with every trial on <paramref name="row"/>.</summary>
    public ParameterOverrides WithFixedRow(int row) => new(this, row);

    private ParameterOverrides(ParameterOverrides other, int fixedRow)
    {
        TargetParameter = other.TargetParameter;
        TargetColumn = other.TargetColumn;
        _values = other._values;
        _cumulativeWeights = other._cumulativeWeights;
        _columns = other._columns;
        Rows = other.Rows;
        FixedRow = fixedRow;
    }

    /// <summary>For each of <paramref name="names"/>, every per-trial parameter of <paramref name="table"/> so named.</summary>
    public static int[][] Resolve(ParameterTable table, IReadOnlyList<string> names) =>
        [.. names.Select(name => Enumerable.Range(0, table.Count).Where(p => table.IsPerTrial[p] && table.Names[p] == name).ToArray())];
}
