using Parquet;
using Parquet.Schema;
using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// Writes every summary of a run as one table, <c>summary.parquet</c>: a row per scenario, entity and metric with its
/// mean, standard deviation, 95% CI, 5th, 50th and 95th percentiles and, against the baseline on common random
/// numbers, the mean paired difference and its CI. The same numbers as <c>summary.json</c> (histograms and the other
/// quantiles aside) in a form that stays small and queryable when a large network keeps every entity
/// (<c>--detail all</c>): DuckDB, pandas or Arrow read it directly.
/// </summary>
internal static class SummaryParquetWriter
{
    private const int RowGroupRows = 1 << 16;

    public static void Write(RunReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] keyNames = ["scenario", "kind", "entity", "material", "metric"];
        string[] statNames = ["mean", "std", "ci95_low", "ci95_high", "p5", "p50", "p95", "delta_mean", "delta_ci95_low", "delta_ci95_high"];
        var keys = keyNames.Select(name => new DataField<string>(name)).ToArray();
        var stats = statNames.Select(name => new DataField<double?>(name)).ToArray();
        var writer = ParquetWriter.CreateAsync(new ParquetSchema([.. keys, .. stats]), stream, TrialTableWriter.BoundedParquetOptions())
            .GetAwaiter().GetResult();
        try
        {
            var text = keyNames.Select(_ => new List<string>()).ToArray();
            var values = statNames.Select(_ => new List<double?>()).ToArray();
            for (int s = 0; s < report.Results.Count; s++)
            {
                var columns = report.Results[s].Layout.Columns;
                for (int c = 0; c < columns.Count; c++)
                {
                    var column = columns[c];
                    var summary = report.Summary(s, c);
                    var delta = report.Delta(s, c);
                    string[] row = [report.Results[s].Scenario.Id, SummaryJsonWriter.SectionOf(column.Kind, column.Metric == Metric.OutputLostFraction),
                        column.Entity, column.Material, MetricNames.Of(column.Metric)];
                    for (int k = 0; k < row.Length; k++)
                    {
                        text[k].Add(row[k]);
                    }

                    double?[] numbers = [summary.Mean, summary.StdDev, summary.Ci95Low, summary.Ci95High, summary.P5, summary.P50, summary.P95,
                        delta?.Mean, delta?.Ci95Low, delta?.Ci95High];
                    for (int k = 0; k < numbers.Length; k++)
                    {
                        values[k].Add(numbers[k] is double x && double.IsNaN(x) ? null : numbers[k]);
                    }

                    if (text[0].Count == RowGroupRows)
                    {
                        WriteGroup(writer, keys, stats, text, values);
                    }
                }
            }

            if (text[0].Count > 0 || report.Results.Count == 0)
            {
                WriteGroup(writer, keys, stats, text, values);
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroup(ParquetWriter writer, DataField<string>[] keys, DataField<double?>[] stats, List<string>[] text, List<double?>[] values)
    {
        using var group = writer.CreateRowGroup();
        for (int k = 0; k < keys.Length; k++)
        {
            group.WriteAsync(keys[k], new ArraySegment<string>([.. text[k]])).GetAwaiter().GetResult();
            text[k].Clear();
        }

        for (int k = 0; k < stats.Length; k++)
        {
            group.WriteAsync<double>(stats[k], values[k].ToArray().AsMemory()).GetAwaiter().GetResult();
            values[k].Clear();
        }
    }
}
