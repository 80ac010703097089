using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupplySim.Sweeps;

/// <summary>Writes a <see cref="SensitivityReport"/> as JSON (<c>supplysim.sensitivity/1</c>) and as a long CSV.</summary>
internal static class SensitivityWriter
{
    /// <summary>Writes the JSON form: the design, parameters, and per output the ranked parameters with statistics.</summary>
    public static void WriteJson(SweepPlan plan, SensitivityReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.sensitivity/1");
        json.WriteString("scenario", plan.ScenarioId);
        json.WriteString("design", plan.Design.Kind.ToString().ToLowerInvariant());
        json.WriteNumber("points", plan.PointCount);
        json.WriteNumber("trials", plan.Trials);
        json.WriteNumber("seed", plan.Seed);
        json.WriteStartArray("parameters");
        foreach (var p in plan.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            json.WriteString("path", p.Path);
            Number(json, "low", p.Min);
            Number(json, "high", p.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (var output in report.Outputs)
        {
            json.WriteStartObject();
            json.WriteString("output", output.Output);
            json.WriteString("method", output.Method);
            json.WriteStartArray("ranking");
            foreach (var entry in output.Entries)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", entry.Rank);
                json.WriteString("parameter", entry.Parameter);
                foreach (var (name, index) in entry.Statistics)
                {
                    Number(json, name, index.Estimate);
                    if (!double.IsNaN(index.CiLow))
                    {
                        json.WriteStartArray($"{name}_ci95");
                        NumberValue(json, index.CiLow);
                        NumberValue(json, index.CiHigh);
                        json.WriteEndArray();
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes one row per output, parameter and statistic: <c>output,method,rank,parameter,statistic,estimate,ci_low,ci_high</c>.</summary>
    public static void WriteCsv(SensitivityReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("output,method,rank,parameter,statistic,estimate,ci_low,ci_high");
        foreach (var output in report.Outputs)
        {
            foreach (var entry in output.Entries)
            {
                foreach (var (name, index) in entry.Statistics)
                {
                    writer.WriteLine(string.Join(',', SweepTableWriter.Quote(output.Output), output.Method,
                        entry.Rank.ToString(CultureInfo.InvariantCulture), entry.Parameter, name, SweepTableWriter.Number(index.Estimate),
                        SweepTableWriter.Number(index.CiLow), SweepTableWriter.Number(index.CiHigh)));
                }
            }
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        NumberValue(json, value);
    }

    private static void NumberValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
