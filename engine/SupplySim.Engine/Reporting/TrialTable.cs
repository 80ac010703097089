using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// The tidy per-trial table shared by <c>trials.csv</c> and <c>trials.parquet</c>: one row per scenario × trial ×
/// entity (consumer or sector) × material, one column per shortage metric, plus the consumer's
/// <c>output_lost_fraction</c> where it is coupled (empty otherwise).
/// </summary>
internal sealed class TrialTable
{
    private readonly RunReport _report;
    private readonly List<(int Scenario, int FirstColumn, int CoupledColumn)> _entities = [];

    /// <summary>Builds the row index of <paramref name="report"/>.</summary>
    public TrialTable(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
        for (int s = 0; s < report.Results.Count; s++)
        {
            var columns = report.Results[s].Layout.Columns;
            for (int c = 0; c < columns.Count; c++)
            {
                bool starts = columns[c].Kind is EntityKind.Consumer or EntityKind.Sector && columns[c].Metric == Metric.DemandT;
                if (starts)
                {
                    int coupled = -1;
                    for (int k = 0; k < columns.Count; k++)
                    {
                        coupled = columns[k].Metric == Metric.OutputLostFraction && columns[c].Kind == EntityKind.Consumer &&
                                  columns[k].Entity == columns[c].Entity ? k : coupled;
                    }

                    _entities.Add((s, c, coupled));
                }
            }
        }
    }

    /// <summary>Names of the leading text columns.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = ["scenario", "trial", "kind", "entity", "material"];

    /// <summary>Names of the metric columns, in order.</summary>
    public static IReadOnlyList<string> MetricColumns { get; } =
        [.. MetricNames.ShortageMetrics.Select(MetricNames.Of), MetricNames.Of(Metric.OutputLostFraction)];

    /// <summary>Number of rows.</summary>
    public long RowCount => (long)_entities.Count * _report.Trials;

    /// <summary>Visits every row in order (scenario, entity, trial): keys, then metric values (NaN where absent).</summary>
    public void ForEachRow(RowVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var values = new double[MetricColumns.Count];
        foreach (var (s, first, coupled) in _entities)
        {
            var result = _report.Results[s];
            var head = result.Layout.Columns[first];
            string kind = head.Kind == EntityKind.Consumer ? "consumer" : "sector";
            for (int trial = 0; trial < result.Trials; trial++)
            {
                for (int m = 0; m < MetricNames.ShortageMetrics.Count; m++)
                {
                    values[m] = result.Column(first + m)[trial];
                }

                values[^1] = coupled >= 0 ? result.Column(coupled)[trial] : double.NaN;
                visit(result.Scenario.Id, trial, kind, head.Entity, head.Material, values);
            }
        }
    }

    /// <summary>Receives one row; <paramref name="values"/> is reused between calls.</summary>
    public delegate void RowVisitor(string scenario, int trial, string kind, string entity, string material, ReadOnlySpan<double> values);
}
