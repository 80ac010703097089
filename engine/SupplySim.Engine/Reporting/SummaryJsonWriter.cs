using System.Text.Json;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Reporting;

/// <summary>
/// Writes <c>summary.json</c>, schema <c>supplysim.summary/1</c>: run settings, then per scenario the statistics of
/// every metric per consumer, coupled output, sector, lane, producer and export control, with paired deltas
/// against the baseline. Output is byte-identical for identical results (numbers in shortest round-trip form).
/// </summary>
internal static class SummaryJsonWriter
{
    /// <summary>The schema identifier written at the top of the file.</summary>
    public const string Schema = "supplysim.summary/1";

    /// <summary>Writes the summary of <paramref name="report"/> to <paramref name="stream"/>.</summary>
    public static void Write(RunReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        var network = report.Model.Network;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("network", network.Name);
        json.WriteString("start", network.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("steps", network.Steps);
        json.WriteNumber("step_days", network.StepDays);
        json.WriteNumber("seed", report.Seed);
        json.WriteNumber("trials", report.Trials);
        json.WriteString("quantiles", report.QuantileMethod);
        json.WriteStartArray("scenarios");
        for (int s = 0; s < report.Results.Count; s++)
        {
            WriteScenario(json, report, s);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, RunReport report, int s)
    {
        var result = report.Results[s];
        json.WriteStartObject();
        json.WriteString("id", result.Scenario.Id);
        json.WriteString("description", result.Scenario.Description);
        var columns = result.Layout.Columns;
        foreach (var (kind, section) in Sections)
        {
            // The market sections exist only with markets, so files without them keep their exact bytes.
            if (OnlyWhenPresent.Contains(kind) && !columns.Any(column => SectionOf(column.Kind, coupled: false) == kind))
            {
                continue;
            }

            json.WriteStartArray(section);
            int c = 0;
            while (c < columns.Count)
            {
                int end = c;
                while (end < columns.Count && columns[end].Kind == columns[c].Kind && columns[end].Entity == columns[c].Entity &&
                       columns[end].Material == columns[c].Material && (columns[end].Metric == Metric.OutputLostFraction) == (columns[c].Metric == Metric.OutputLostFraction))
                {
                    end++;
                }

                bool coupled = columns[c].Metric == Metric.OutputLostFraction;
                if (SectionOf(columns[c].Kind, coupled) == kind)
                {
                    WriteEntity(json, report, s, c, end);
                }

                c = end;
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static readonly (string Kind, string Section)[] Sections =
    [
        ("consumer", "consumers"), ("coupled", "coupled_output"), ("sector", "sectors"), ("lane", "lanes"),
        ("transshipper", "transshippers"), ("producer", "producers"), ("control", "controls"),
        ("market", "markets"), ("sector_demand_response", "sector_demand_response"),
    ];

    private static readonly string[] OnlyWhenPresent = ["market", "sector_demand_response"];

    /// <summary>The kind name of a column in summary.json and summary.parquet (coupled: a coupled consumer's lost output).</summary>
    internal static string SectionOf(EntityKind kind, bool coupled) => kind switch
    {
        EntityKind.Consumer => coupled ? "coupled" : "consumer",
        EntityKind.Sector => "sector",
        EntityKind.Lane => "lane",
        EntityKind.Transshipper => "transshipper",
        EntityKind.Producer => "producer",
        EntityKind.Market => "market",
        EntityKind.SectorDemandResponse => "sector_demand_response",
        _ => "control",
    };

    private static void WriteEntity(Utf8JsonWriter json, RunReport report, int s, int first, int end)
    {
        var columns = report.Results[s].Layout.Columns;
        var head = columns[first];
        bool histogram = head.Kind is EntityKind.Consumer or EntityKind.Sector;
        json.WriteStartObject();
        json.WriteString("id", head.Entity);
        if (head.Material != "*")
        {
            json.WriteString("material", head.Material);
        }

        json.WriteStartObject("metrics");
        for (int c = first; c < end; c++)
        {
            json.WritePropertyName(MetricNames.Of(columns[c].Metric));
            WriteStats(json, report.Summary(s, c), histogram);
        }

        json.WriteEndObject();
        if (report.Delta(s, first) is not null)
        {
            json.WriteStartObject("delta");
            for (int c = first; c < end; c++)
            {
                json.WritePropertyName(MetricNames.Of(columns[c].Metric));
                WriteStats(json, report.Delta(s, c)!, histogram: false);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteStats(Utf8JsonWriter json, MetricSummary summary, bool histogram)
    {
        json.WriteStartObject();
        json.WriteNumber("mean", summary.Mean);
        json.WriteStartArray("ci95");
        json.WriteNumberValue(summary.Ci95Low);
        json.WriteNumberValue(summary.Ci95High);
        json.WriteEndArray();
        json.WriteNumber("std", summary.StdDev);
        json.WriteNumber("min", summary.Min);
        json.WriteNumber("p5", summary.P5);
        json.WriteNumber("p10", summary.P10);
        json.WriteNumber("p25", summary.P25);
        json.WriteNumber("p50", summary.P50);
        json.WriteNumber("p75", summary.P75);
        json.WriteNumber("p90", summary.P90);
        json.WriteNumber("p95", summary.P95);
        json.WriteNumber("p99", summary.P99);
        json.WriteNumber("max", summary.Max);

        // Written only when true, so a run whose sketches kept their full range keeps the bytes it always had.
        if (summary.QuantilesCollapsed)
        {
            json.WriteBoolean("quantiles_collapsed", true);
        }

        if (summary.Exceedances.Count > 0)
        {
            json.WriteStartArray("p_above");
            foreach (var exceedance in summary.Exceedances)
            {
                json.WriteStartObject();
                json.WriteNumber("threshold", exceedance.Threshold);
                json.WriteNumber("probability", exceedance.Probability);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (histogram)
        {
            json.WriteStartObject("histogram");
            json.WriteStartArray("edges");
            foreach (double edge in summary.Histogram.BinEdges)
            {
                json.WriteNumberValue(edge);
            }

            json.WriteEndArray();
            json.WriteStartArray("counts");
            foreach (int count in summary.Histogram.Counts)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
