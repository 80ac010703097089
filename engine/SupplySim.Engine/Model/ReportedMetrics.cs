namespace SupplySim.Model;

/// <summary>
/// The names of every metric a run reports, as written in YAML <c>thresholds:</c> and in output files. The
/// compiler checks threshold names against them; the simulation's metric enum follows the same order.
/// </summary>
public static class ReportedMetrics
{
    /// <summary>Every metric name, in the order of the simulation's metric enum.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "demand_t", "fill_rate", "shortage_t", "shortage_fraction", "stockout_days", "mean_delay_days", "max_delay_days",
        "time_to_shortage_days", "time_to_recover_days", "output_lost_fraction", "shipped_t", "seized_t", "produced_t",
        "quota_binding_days", "licence_applied_t", "licence_approved_t", "licence_denied_t",
        "price_start_usd_t", "price_peak_usd_t", "price_end_usd_t", "days_above_2x_start", "demand_foregone_t",
        "added_capacity_t",
    ];
}
