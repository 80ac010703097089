namespace SupplySim.Simulation;

/// <summary>The snake_case names metrics have in YAML thresholds and in every output file.</summary>
public static class MetricNames
{
    private static readonly string[] Names =
    [
        "demand_t", "fill_rate", "shortage_t", "shortage_fraction", "stockout_days", "mean_delay_days", "max_delay_days",
        "time_to_shortage_days", "time_to_recover_days", "output_lost_fraction", "shipped_t", "seized_t", "produced_t",
        "quota_binding_days", "licence_applied_t", "licence_approved_t", "licence_denied_t",
    ];

    /// <summary>The per-consumer and per-sector metrics, in report order.</summary>
    public static IReadOnlyList<Metric> ShortageMetrics { get; } =
    [
        Metric.DemandT, Metric.FillRate, Metric.ShortageT, Metric.ShortageFraction, Metric.StockoutDays,
        Metric.MeanDelayDays, Metric.MaxDelayDays, Metric.TimeToShortageDays, Metric.TimeToRecoverDays,
    ];

    /// <summary>Every metric name.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The file name of <paramref name="metric"/>.</summary>
    public static string Of(Metric metric) => Names[(int)metric];
}
