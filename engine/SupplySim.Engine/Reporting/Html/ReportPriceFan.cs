namespace SupplySim.Reporting.Html;

/// <summary>A market's monthly mean price over trials (P10, median, P90 per month of the run), USD per tonne.</summary>
/// <param name="Market">The market (<c>outside-CN</c>, <c>inside-CN</c>).</param>
/// <param name="Material">The material priced.</param>
/// <param name="P10">10th percentile of each month's mean price.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
internal sealed record ReportPriceFan(string Market, string Material, IReadOnlyList<double> P10, IReadOnlyList<double> P50, IReadOnlyList<double> P90);
