using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace SupplySim.Reporting;

/// <summary>Writes the <see cref="TrialTable"/> as CSV (RFC 4180, invariant culture) and as Parquet.</summary>
public static class TrialTableWriter
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

    /// <summary>Writes one Parquet row group; metric columns are nullable doubles.</summary>
    public static void WriteParquet(TrialTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = checked((int)table.RowCount);
        var scenario = new string[rows];
        var trial = new int[rows];
        var kind = new string[rows];
        var entity = new string[rows];
        var material = new string[rows];
        var metrics = TrialTable.MetricColumns.Select(_ => new double?[rows]).ToArray();
        int row = 0;
        table.ForEachRow((s, t, k, e, m, values) =>
        {
            scenario[row] = s;
            trial[row] = t;
            kind[row] = k;
            entity[row] = e;
            material[row] = m;
            for (int i = 0; i < values.Length; i++)
            {
                metrics[i][row] = double.IsNaN(values[i]) ? null : values[i];
            }

            row++;
        });

        var keyFields = new DataField[]
        {
            new DataField<string>("scenario"), new DataField<int>("trial"), new DataField<string>("kind"),
            new DataField<string>("entity"), new DataField<string>("material"),
        };
        var metricFields = TrialTable.MetricColumns.Select(name => new DataField<double?>(name)).ToArray();
        var schema = new ParquetSchema([.. keyFields, .. metricFields]);
        WriteParquetAsync(stream, schema, keyFields, metricFields, scenario, trial, kind, entity, material, metrics).GetAwaiter().GetResult();
    }

    private static async Task WriteParquetAsync(Stream stream, ParquetSchema schema, DataField[] keys, DataField<double?>[] metricFields,
        string[] scenario, int[] trial, string[] kind, string[] entity, string[] material, double?[][] metrics)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(keys[0], scenario).ConfigureAwait(false);
        await group.WriteAsync<int>(keys[1], trial.AsMemory()).ConfigureAwait(false);
        await group.WriteAsync(keys[2], kind).ConfigureAwait(false);
        await group.WriteAsync(keys[3], entity).ConfigureAwait(false);
        await group.WriteAsync(keys[4], material).ConfigureAwait(false);
        for (int i = 0; i < metricFields.Length; i++)
        {
            await group.WriteAsync<double>(metricFields[i], metrics[i].AsMemory()).ConfigureAwait(false);
        }
    }
}
