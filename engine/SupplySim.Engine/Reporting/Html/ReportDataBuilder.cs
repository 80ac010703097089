using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Reporting.Html;

/// <summary>Summarises a <see cref="RunReport"/> into <see cref="ReportData"/>.</summary>
internal static class ReportDataBuilder
{
    private const int CdfPoints = 51;
    private const string RestOfWorld = "rest-of-world";

    public static ReportData Build(RunReport report, int maxFans)
    {
        var network = report.Model.Network;
        int[] fans = KeySeries(report, maxFans);
        var scenarios = new List<ReportScenario>();
        for (int s = 0; s < report.Results.Count; s++)
        {
            var result = report.Results[s];
            scenarios.Add(new ReportScenario(result.Scenario.Id, result.Scenario.Description, EventStarts(network, result.Scenario),
                SectorRows(report, s), LaneFlows(report, s), result.HasWeeklySeries ? [.. fans.Select(f => Fan(result, f, network.WeekCount))] : [],
                network.MarketCount > 0 && result.HasMonthlyPrices ? PriceFans(network, result) : null));
        }

        return new ReportData(network.Name, network.Start, network.Steps * network.StepDays, report.Seed, report.Trials,
            Graph.NetworkGraph.FromNetwork(network), scenarios);
    }

    private static int Offset(Metric metric) => MetricNames.ShortageMetrics.ToList().IndexOf(metric);

    private static List<ReportSectorRow> SectorRows(RunReport report, int s)
    {
        var rows = new List<ReportSectorRow>();
        var columns = report.Results[s].Layout.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Kind != EntityKind.Sector || columns[c].Metric != Metric.DemandT)
            {
                continue;
            }

            int fraction = c + Offset(Metric.ShortageFraction);
            var summary = report.Summary(s, fraction);
            double anyShortage = summary.Exceedances.FirstOrDefault(e => e.Threshold == 0).Probability;
            var sorted = report.Results[s].Column(fraction).ToArray();
            Array.Sort(sorted);
            var quantiles = new double[CdfPoints];
            for (int k = 0; k < CdfPoints; k++)
            {
                quantiles[k] = SortedSample.Quantile(sorted, k / (double)(CdfPoints - 1));
            }

            rows.Add(new ReportSectorRow(columns[c].Entity, columns[c].Material, anyShortage, Stat(summary),
                Stat(report.Summary(s, c + Offset(Metric.MeanDelayDays))), Stat(report.Summary(s, c + Offset(Metric.TimeToShortageDays))),
                Stat(report.Summary(s, c + Offset(Metric.TimeToRecoverDays))), quantiles,
                report.Delta(s, fraction) is { } delta ? Stat(delta) : null));
        }

        return rows;
    }

    private static ReportStat Stat(MetricSummary summary) =>
        new(summary.Mean, summary.Ci95Low, summary.Ci95High, summary.P5, summary.P50, summary.P95);

    private static List<double> LaneFlows(RunReport report, int s)
    {
        var layout = report.Results[s].Layout.Full;
        var flows = new List<double>();
        for (int lane = 0; lane < report.Model.Network.LaneCount; lane++)
        {
            flows.Add(report.FullColumnMean(s, layout.LaneBase + (2 * lane)));
        }

        return flows;
    }

    /// <summary>Series indices of the key consumers, in network order (what <see cref="ReportData.FromRun"/> charts).</summary>
    public static int[] KeySeries(RunReport report, int maxFans)
    {
        var network = report.Model.Network;
        var layout = report.Results[0].Layout;
        int width = MetricNames.ShortageMetrics.Count, m = network.MaterialCount;
        var candidates = new List<(int Series, double Worst)>();
        for (int series = 0; series < layout.DemandSeries.Count; series++)
        {
            int node = layout.DemandHoldings[series] / m;
            if (network.SectorNames[network.NodeSector[node]] == RestOfWorld)
            {
                continue;
            }

            double worst = 0;
            for (int s = 0; s < report.Results.Count; s++)
            {
                worst = Math.Max(worst, report.FullColumnMean(s, (series * width) + Offset(Metric.ShortageFraction)));
            }

            candidates.Add((series, worst));
        }

        return [.. candidates.OrderByDescending(c => c.Worst).ThenBy(c => c.Series).Take(maxFans).Select(c => c.Series).Order()];
    }

    /// <summary>Each market's monthly mean price: P10, median and P90 over trials, month by month.</summary>
    private static List<ReportPriceFan> PriceFans(CompiledNetwork network, ScenarioResult result)
    {
        var fans = new List<ReportPriceFan>();
        var sorted = new double[result.Trials];
        for (int j = 0; j < network.MarketCount; j++)
        {
            var (p10, p50, p90) = (new double[network.MonthCount], new double[network.MonthCount], new double[network.MonthCount]);
            for (int month = 0; month < network.MonthCount; month++)
            {
                result.MonthlyMarketPrice(j, month).CopyTo(sorted);
                Array.Sort(sorted);
                (p10[month], p50[month], p90[month]) = (SortedSample.Quantile(sorted, 0.1), SortedSample.Quantile(sorted, 0.5), SortedSample.Quantile(sorted, 0.9));
            }

            fans.Add(new ReportPriceFan(network.MarketName(j), network.MarketMaterial(j), p10, p50, p90));
        }

        return fans;
    }

    private static ReportFan Fan(ScenarioResult result, int series, int weeks)
    {
        var bands = new double[6][];
        for (int b = 0; b < bands.Length; b++)
        {
            bands[b] = new double[weeks];
        }

        var sorted = new double[result.Trials];
        for (int week = 0; week < weeks; week++)
        {
            result.WeeklyCover(series, week).CopyTo(sorted);
            Array.Sort(sorted);
            bands[0][week] = SortedSample.Quantile(sorted, 0.1);
            bands[1][week] = SortedSample.Quantile(sorted, 0.5);
            bands[2][week] = SortedSample.Quantile(sorted, 0.9);
            result.WeeklyFill(series, week).CopyTo(sorted);
            Array.Sort(sorted);
            bands[3][week] = SortedSample.Quantile(sorted, 0.1);
            bands[4][week] = SortedSample.Quantile(sorted, 0.5);
            bands[5][week] = SortedSample.Quantile(sorted, 0.9);
        }

        var (consumer, material) = result.Layout.DemandSeries[series];
        return new ReportFan(consumer, material, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5]);
    }

    /// <summary>
    /// Event start dates: each export control's first gated step (controls are compiled into the gate table, not the
    /// event list), then every other event's start step, labelled by type.
    /// </summary>
    private static List<ReportEvent> EventStarts(CompiledNetwork network, CompiledScenario scenario)
    {
        var starts = new SortedSet<(int Step, string Label)>();
        if (scenario.Gate is { } gate)
        {
            int perEpoch = network.ArcCount * network.OriginCount;
            var first = new int[scenario.ControlCount];
            Array.Fill(first, int.MaxValue);
            for (int cell = 0; cell < gate.Cells.Length; cell++)
            {
                int control = gate.Cells[cell];
                if (control >= 0 && first[control] == int.MaxValue)
                {
                    first[control] = gate.EpochStart[cell / perEpoch];
                }
            }

            for (int control = 0; control < first.Length; control++)
            {
                if (first[control] != int.MaxValue)
                {
                    starts.Add((first[control], Unwrap(scenario.ControlNames[control])));
                }
            }
        }

        foreach (var ev in scenario.Events)
        {
            starts.Add((ev.StartStep, Snake(ev.Kind.ToString())));
        }

        return [.. starts.Select(e => new ReportEvent(network.Start.AddDays((int)(e.Step * network.StepDays)), e.Label))];
    }

    /// <summary>Generated control names read <c>events[key]</c>; the key alone is the readable part.</summary>
    private static string Unwrap(string name) =>
        name.StartsWith("events[", StringComparison.Ordinal) && name.EndsWith(']') ? name[7..^1] : name;

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
