using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Reporting;

/// <summary>
/// Compares modelled flows and prices with observed ones: for a flow observation, the per-trial sum of the flows
/// shipped on its lanes over its months (counted in the month a shipment leaves); for a price observation, the
/// per-trial mean over its months of the market's monthly mean price; each summarised as P10/P50/P90. Also monthly
/// P10/P50/P90 series per lane, per observation corridor and per market. Results must carry monthly series.
/// </summary>
public static class Backtest
{
    /// <summary>Compares every observation with the result of its scenario.</summary>
    public static IReadOnlyList<BacktestComparison> Compare(CompiledModel model, IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(results);
        var comparisons = new List<BacktestComparison>();
        foreach (var observation in model.Observations)
        {
            var totals = PerTrial(observation, results.First(r => r.Scenario.Id == observation.ScenarioId));
            var summary = MetricSummary.Compute(totals, []);
            comparisons.Add(new BacktestComparison(observation, summary.P10, summary.P50, summary.P90, summary.Mean));
        }

        return comparisons;
    }

    /// <summary>
    /// The modelled value of <paramref name="observation"/> in each trial of <paramref name="result"/> (its scenario's):
    /// tonnes shipped on its lanes over its months, or the mean over its months of its market's monthly mean price.
    /// </summary>
    public static double[] PerTrial(CompiledObservation observation, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(result);
        var totals = new double[result.Trials];
        int months = observation.LastMonth - observation.FirstMonth + 1;
        for (int month = observation.FirstMonth; month <= observation.LastMonth; month++)
        {
            if (observation.IsPrice)
            {
                var prices = result.MonthlyMarketPrice(observation.Market, month);
                for (int trial = 0; trial < totals.Length; trial++)
                {
                    totals[trial] += prices[trial] / months;
                }

                continue;
            }

            foreach (int lane in observation.Lanes)
            {
                var flows = result.MonthlyLaneFlow(lane, month);
                for (int trial = 0; trial < totals.Length; trial++)
                {
                    totals[trial] += flows[trial];
                }
            }
        }

        return totals;
    }

    /// <summary>The comparison as a text table.</summary>
    public static string FormatTable(IReadOnlyList<BacktestComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var text = new StringBuilder();
        text.AppendLine("observation                          period             unit    observed        P10        P50        P90  inside");
        foreach (var c in comparisons)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{Clip(c.Observation.Id, 36),-36} {c.Observation.Period,-18} {c.Observation.Unit,-5} {c.Observation.Observed,10:0} {c.P10,10:0} {c.P50,10:0} {c.P90,10:0}  {(c.Inside ? "yes" : "NO")}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{comparisons.Count(c => c.Inside)} of {comparisons.Count} observations inside the modelled P10-P90 band");
        return text.ToString();
    }

    /// <summary>Writes <c>backtest.json</c>: each observation with its source and the modelled band.</summary>
    public static void WriteJson(IReadOnlyList<BacktestComparison> comparisons, ulong seed, int trials, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.backtest/1");
        json.WriteNumber("seed", seed);
        json.WriteNumber("trials", trials);
        json.WriteStartArray("observations");
        foreach (var c in comparisons)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Observation.Id);
            json.WriteString("description", c.Observation.Description);
            json.WriteString("scenario", c.Observation.ScenarioId);
            json.WriteString("period", c.Observation.Period);
            // Keys carry the unit: _t for flows (as in version 1), _usd_t for prices.
            string suffix = c.Observation.IsPrice ? "_usd_t" : "_t";
            json.WriteNumber("observed" + suffix, c.Observation.Observed);
            json.WriteString("source", c.Observation.Source);
            json.WriteNumber("mean" + suffix, c.Mean);
            json.WriteNumber("p10" + suffix, c.P10);
            json.WriteNumber("p50" + suffix, c.P50);
            json.WriteNumber("p90" + suffix, c.P90);
            json.WriteBoolean("inside_p10_p90", c.Inside);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>backtest_monthly.csv</c>: per scenario, per lane and per observation corridor, per month: the
    /// mean and P10/P50/P90 of tonnes shipped.
    /// </summary>
    public static void WriteMonthlyCsv(CompiledModel model, IReadOnlyList<ScenarioResult> results, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(results);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("scenario,series_kind,series,month,mean_t,p10_t,p50_t,p90_t");
        var network = model.Network;
        foreach (var result in results)
        {
            var series = Enumerable.Range(0, network.LaneCount).Select(l => (Kind: "lane", Name: network.LaneNames[l], Lanes: (IReadOnlyList<int>)[l]))
                .Concat(model.Observations.Where(o => o.ScenarioId == result.Scenario.Id).Select(o => (Kind: "corridor", Name: o.Id, o.Lanes)));
            foreach (var (kind, name, lanes) in series)
            {
                for (int month = 0; month < network.MonthCount; month++)
                {
                    var totals = new double[result.Trials];
                    foreach (int lane in lanes)
                    {
                        var flows = result.MonthlyLaneFlow(lane, month);
                        for (int trial = 0; trial < totals.Length; trial++)
                        {
                            totals[trial] += flows[trial];
                        }
                    }

                    var s = MetricSummary.Compute(totals, []);
                    string label = network.Start.AddMonths(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Scenario.Id},{kind},{name},{label},{s.Mean:R},{s.P10:R},{s.P50:R},{s.P90:R}"));
                }
            }
        }
    }

    /// <summary>
    /// Writes <c>backtest_prices_monthly.csv</c> (files with markets): per scenario, market and month, the mean and
    /// P10/P50/P90 over trials of the month's mean price.
    /// </summary>
    public static void WriteMonthlyPricesCsv(CompiledModel model, IReadOnlyList<ScenarioResult> results, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(results);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("scenario,market,material,month,mean_usd_t,p10_usd_t,p50_usd_t,p90_usd_t");
        var network = model.Network;
        var markets = network.Markets;
        foreach (var result in results)
        {
            for (int j = 0; j < markets.Count; j++)
            {
                for (int month = 0; month < network.MonthCount; month++)
                {
                    var s = MetricSummary.Compute(result.MonthlyMarketPrice(j, month).ToArray(), []);
                    string label = network.Start.AddMonths(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Scenario.Id},{markets.Names[j]},{network.MaterialIds[markets.Material[j]]},{label},{s.Mean:R},{s.P10:R},{s.P50:R},{s.P90:R}"));
                }
            }
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
