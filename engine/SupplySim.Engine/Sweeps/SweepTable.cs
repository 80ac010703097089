namespace SupplySim.Sweeps;

/// <summary>
/// The summarised results of some or all points of a sweep: for each point (ascending) and output (file order), the
/// statistic in the scenario and in the baseline. Immutable.
/// </summary>
public sealed class SweepTable
{
    private readonly int[] _points;
    private readonly double[] _values;
    private readonly double[] _baselines;

    internal SweepTable(int outputCount, int[] points, double[] values, double[] baselines)
    {
        OutputCount = outputCount;
        _points = points;
        _values = values;
        _baselines = baselines;
    }

    /// <summary>Outputs per point.</summary>
    public int OutputCount { get; }

    /// <summary>Point indices held, ascending.</summary>
    public IReadOnlyList<int> Points => _points;

    /// <summary>Scenario statistic of <paramref name="output"/> at the <paramref name="row"/>-th held point.</summary>
    public double Value(int row, int output) => _values[(row * OutputCount) + output];

    /// <summary>Baseline statistic of <paramref name="output"/> at the <paramref name="row"/>-th held point.</summary>
    public double Baseline(int row, int output) => _baselines[(row * OutputCount) + output];

    /// <summary>Joins disjoint tables (shards) into one, ordered by point.</summary>
    public static SweepTable Combine(IReadOnlyList<SweepTable> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        int outputs = parts.Count == 0 ? 0 : parts[0].OutputCount;
        var rows = parts.SelectMany(t => Enumerable.Range(0, t._points.Length).Select(r => (Table: t, Row: r)))
            .OrderBy(x => x.Table._points[x.Row]).ToList();
        var points = new int[rows.Count];
        var values = new double[rows.Count * outputs];
        var baselines = new double[rows.Count * outputs];
        for (int i = 0; i < rows.Count; i++)
        {
            var (table, row) = rows[i];
            points[i] = table._points[row];
            for (int o = 0; o < outputs; o++)
            {
                values[(i * outputs) + o] = table.Value(row, o);
                baselines[(i * outputs) + o] = table.Baseline(row, o);
            }
        }

        return new SweepTable(outputs, points, values, baselines);
    }
}
