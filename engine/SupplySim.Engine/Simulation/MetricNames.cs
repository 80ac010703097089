using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>The snake_case names metrics have in YAML thresholds and in every output file.</summary>
public static class MetricNames
{
    /// <summary>The per-consumer and per-sector metrics, in report order.</summary>
    public static IReadOnlyList<Metric> ShortageMetrics { get; } =
    [
        Metric.DemandT, Metric.FillRate, Metric.ShortageT, Metric.ShortageFraction, Metric.StockoutDays,
        Metric.MeanDelayDays, Metric.MaxDelayDays, Metric.TimeToShortageDays, Metric.TimeToRecoverDays,
    ];

    /// <summary>The per-market metrics, in report order.</summary>
    public static IReadOnlyList<Metric> MarketMetrics { get; } =
        [Metric.PriceStartUsdT, Metric.PricePeakUsdT, Metric.PriceEndUsdT, Metric.DaysAbove2xStart, Metric.DemandForegoneT,
         Metric.AddedCapacityT];

    /// <summary>Every metric name.</summary>
    public static IReadOnlyList<string> All => ReportedMetrics.Names;

    /// <summary>The file name of <paramref name="metric"/>.</summary>
    public static string Of(Metric metric) => ReportedMetrics.Names[(int)metric];
}
