using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace SupplySim.Sweeps;

/// <summary>
/// The tidy result table: one row per point and output with columns <c>point</c>, one per parameter (its value in the
/// internal unit), <c>output, metric, entity, material, statistic, value, baseline</c>. CSV (RFC 4180, invariant
/// culture, round-trip doubles, NaN as an empty cell) and Parquet (one row group). Output depends only on the plan and
/// the table, so a merged table writes the same bytes as an unsharded one.
/// </summary>
internal static class SweepTableWriter
{
    private static readonly string[] TrailingColumns = ["output", "metric", "entity", "material", "statistic", "value", "baseline"];

    /// <summary>Writes the CSV form.</summary>
    public static void WriteCsv(SweepPlan plan, SweepTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Header(plan));
        var line = new StringBuilder(256);
        for (int row = 0; row < table.Points.Count; row++)
        {
            int point = table.Points[row];
            for (int o = 0; o < table.OutputCount; o++)
            {
                var output = plan.Outputs[o];
                line.Clear().Append(point.ToString(CultureInfo.InvariantCulture));
                for (int p = 0; p < plan.Parameters.Count; p++)
                {
                    line.Append(',').Append(Number(plan.Value(point, p)));
                }

                line.Append(',').Append(Quote(output.Name)).Append(',').Append(Simulation.MetricNames.Of(output.Metric))
                    .Append(',').Append(Quote(output.Entity)).Append(',').Append(Quote(output.Material)).Append(',')
                    .Append(Quote(output.StatisticText)).Append(',').Append(Number(table.Value(row, o)))
                    .Append(',').Append(Number(table.Baseline(row, o)));
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Writes the Parquet form; value and baseline are nullable doubles (NaN as null).</summary>
    public static void WriteParquet(SweepPlan plan, SweepTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        int rows = table.Points.Count * table.OutputCount;
        var point = new int[rows];
        var parameters = plan.Parameters.Select(_ => new double[rows]).ToArray();
        var text = TrailingColumns[..5].Select(_ => new string[rows]).ToArray();
        var value = new double?[rows];
        var baseline = new double?[rows];
        int i = 0;
        for (int row = 0; row < table.Points.Count; row++)
        {
            for (int o = 0; o < table.OutputCount; o++, i++)
            {
                var output = plan.Outputs[o];
                point[i] = table.Points[row];
                for (int p = 0; p < parameters.Length; p++)
                {
                    parameters[p][i] = plan.Value(point[i], p);
                }

                text[0][i] = output.Name;
                text[1][i] = Simulation.MetricNames.Of(output.Metric);
                text[2][i] = output.Entity;
                text[3][i] = output.Material;
                text[4][i] = output.StatisticText;
                value[i] = double.IsNaN(table.Value(row, o)) ? null : table.Value(row, o);
                baseline[i] = double.IsNaN(table.Baseline(row, o)) ? null : table.Baseline(row, o);
            }
        }

        var pointField = new DataField<int>("point");
        var parameterFields = plan.Parameters.Select(p => new DataField<double>(p.Name)).ToArray();
        var textFields = TrailingColumns[..5].Select(name => new DataField<string>(name)).ToArray();
        var valueField = new DataField<double?>("value");
        var baselineField = new DataField<double?>("baseline");
        var schema = new ParquetSchema([pointField, .. parameterFields, .. textFields, valueField, baselineField]);
        WriteAsync().GetAwaiter().GetResult();

        async Task WriteAsync()
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(pointField, point.AsMemory()).ConfigureAwait(false);
            for (int p = 0; p < parameterFields.Length; p++)
            {
                await group.WriteAsync<double>(parameterFields[p], parameters[p].AsMemory()).ConfigureAwait(false);
            }

            for (int t = 0; t < textFields.Length; t++)
            {
                await group.WriteAsync(textFields[t], text[t]).ConfigureAwait(false);
            }

            await group.WriteAsync<double>(valueField, value.AsMemory()).ConfigureAwait(false);
            await group.WriteAsync<double>(baselineField, baseline.AsMemory()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads back a CSV written by <see cref="WriteCsv"/> for <paramref name="plan"/> (a shard's file): the point of
    /// each row, and the value and baseline, which are the last two cells and never quoted.
    /// </summary>
    /// <returns>The table, or null with a message when the file does not fit the plan.</returns>
    public static SweepTable? ReadCsv(SweepPlan plan, TextReader reader, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reader);
        int outputs = plan.Outputs.Count;
        string expectedHeader = Header(plan);
        problem = reader.ReadLine() == expectedHeader ? null : "its header does not match the sweep file";
        var points = new List<int>();
        var values = new List<double>();
        var baselines = new List<double>();
        int lineNumber = 1;
        while (problem is null && reader.ReadLine() is { } line)
        {
            lineNumber++;
            int comma = line.IndexOf(',', StringComparison.Ordinal), last = line.LastIndexOf(',');
            int beforeLast = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            if (comma <= 0 || beforeLast <= comma
                || !int.TryParse(line.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out int point)
                || !TryNumber(line[(beforeLast + 1)..last], out double value) || !TryNumber(line[(last + 1)..], out double baseline))
            {
                problem = $"line {lineNumber} is not a result row";
                break;
            }

            int index = values.Count;
            if (index % outputs == 0)
            {
                points.Add(point);
            }
            else if (points[^1] != point)
            {
                problem = $"line {lineNumber}: point {points[^1]} has fewer than {outputs} output rows";
                break;
            }

            values.Add(value);
            baselines.Add(baseline);
        }

        if (problem is null && values.Count % outputs != 0)
        {
            problem = "the last point has missing output rows";
        }

        return problem is null ? new SweepTable(outputs, [.. points], [.. values], [.. baselines]) : null;
    }

    private static string Header(SweepPlan plan) =>
        $"point,{string.Concat(plan.Parameters.Select(p => p.Name + ","))}{string.Join(',', TrailingColumns)}";

    internal static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static bool TryNumber(string text, out double value)
    {
        value = double.NaN;
        return text.Length == 0 || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
