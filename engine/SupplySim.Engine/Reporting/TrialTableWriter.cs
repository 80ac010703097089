using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace SupplySim.Reporting;

/// <summary>Writes the <see cref="TrialTable"/> as CSV (RFC 4180, invariant culture) and as Parquet.</summary>
internal static class TrialTableWriter
{
    /// <summary>Writes CSV with a header row; absent values are empty cells.</summary>
    public static void WriteCsv(TrialTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', TrialTable.KeyColumns.Concat(TrialTable.MetricColumns)));
        var line = new StringBuilder(256);
        table.ForEachRow((scenario, trial, kind, entity, material, values) =>
        {
            line.Clear();
            line.Append(scenario).Append(',').Append(trial.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(kind).Append(',').Append(entity).Append(',').Append(material);
            foreach (double value in values)
            {
                line.Append(',');
                if (!double.IsNaN(value))
                {
                    line.Append(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.WriteLine(line);
        });
    }

    /// <summary>Most rows of one Parquet row group the exact path writes (the buffers hold one group, ~13 MiB).</summary>
    public const int ParquetRowGroupRows = 1 << 16;

    /// <summary>Free bytes Parquet.Net's small and large stream pools may each keep for reuse.</summary>
    private const int ParquetPooledBytes = 4 << 20;

    /// <summary>The Parquet schema of the table: the key columns, then one nullable double per metric.</summary>
    internal static (DataField[] Keys, DataField<double?>[] Metrics, ParquetSchema Schema) ParquetSchemaOfTable()
    {
        var keys = new DataField[]
        {
            new DataField<string>("scenario"), new DataField<int>("trial"), new DataField<string>("kind"),
            new DataField<string>("entity"), new DataField<string>("material"),
        };
        var metrics = TrialTable.MetricColumns.Select(name => new DataField<double?>(name)).ToArray();
        return (keys, metrics, new ParquetSchema([.. keys, .. metrics]));
    }

    /// <summary>
    /// Parquet.Net keeps every buffer size a writer ever used in its pools (16 MiB small plus 64 MiB large by
    /// default); capping them keeps a long write's memory flat.
    /// </summary>
    internal static ParquetOptions BoundedParquetOptions() =>
        new() { MaximumSmallPoolFreeBytes = ParquetPooledBytes, MaximumLargePoolFreeBytes = ParquetPooledBytes };

    /// <summary>
    /// Writes Parquet in the row order of <see cref="TrialTable.ForEachRow"/>, in row groups of at most
    /// <see cref="ParquetRowGroupRows"/> rows filled from reused buffers, so memory does not grow with the table (one
    /// group of the whole table once cost ~200 bytes a row on top of the results: ~170 MiB at 10,000 trials of the
    /// shipped file). Metric columns are nullable doubles; a NaN metric is a null cell.
    /// </summary>
    public static void WriteParquet(TrialTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (keys, metricFields, schema) = ParquetSchemaOfTable();
        var writer = ParquetWriter.CreateAsync(schema, stream, BoundedParquetOptions()).GetAwaiter().GetResult();
        try
        {
            var group = new RowGroupBuffer(keys, metricFields, (int)Math.Min(ParquetRowGroupRows, Math.Max(1, table.RowCount)));
            table.ForEachRow((scenario, trial, kind, entity, material, values) =>
            {
                group.Add(scenario, trial, kind, entity, material, values);
                if (group.Full)
                {
                    group.WriteAsync(writer).GetAwaiter().GetResult();
                }
            });

            // The last, partial group; an empty table still gets one (empty) group, as a reader expects a schema'd group.
            if (group.Count > 0 || table.RowCount == 0)
            {
                group.WriteAsync(writer).GetAwaiter().GetResult();
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One row group's columns, reused from group to group.</summary>
    private sealed class RowGroupBuffer(DataField[] keys, DataField<double?>[] metricFields, int capacity)
    {
        private readonly string[][] _text = [new string[capacity], new string[capacity], new string[capacity], new string[capacity]];
        private readonly int[] _trial = new int[capacity];
        private readonly double?[][] _metrics = [.. metricFields.Select(_ => new double?[capacity])];

        public int Count { get; private set; }

        public bool Full => Count == _trial.Length;

        public void Add(string scenario, int trial, string kind, string entity, string material, ReadOnlySpan<double> values)
        {
            _text[0][Count] = scenario;
            _trial[Count] = trial;
            _text[1][Count] = kind;
            _text[2][Count] = entity;
            _text[3][Count] = material;
            for (int i = 0; i < values.Length; i++)
            {
                _metrics[i][Count] = double.IsNaN(values[i]) ? null : values[i];
            }

            Count++;
        }

        public async Task WriteAsync(ParquetWriter writer)
        {
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync(keys[0], new ArraySegment<string>(_text[0], 0, Count)).ConfigureAwait(false);
                await group.WriteAsync<int>(keys[1], _trial.AsMemory(0, Count)).ConfigureAwait(false);
                await group.WriteAsync(keys[2], new ArraySegment<string>(_text[1], 0, Count)).ConfigureAwait(false);
                await group.WriteAsync(keys[3], new ArraySegment<string>(_text[2], 0, Count)).ConfigureAwait(false);
                await group.WriteAsync(keys[4], new ArraySegment<string>(_text[3], 0, Count)).ConfigureAwait(false);
                for (int i = 0; i < metricFields.Length; i++)
                {
                    await group.WriteAsync<double>(metricFields[i], _metrics[i].AsMemory(0, Count)).ConfigureAwait(false);
                }
            }

            Count = 0;
        }
    }
}
