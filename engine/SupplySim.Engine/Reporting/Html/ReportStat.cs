namespace SupplySim.Reporting.Html;

/// <summary>Statistics of one metric over trials, as the report shows them.</summary>
/// <param name="Mean">Mean over trials.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the mean (Student t).</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the mean.</param>
/// <param name="P5">5th percentile (type 7).</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
internal sealed record ReportStat(double Mean, double Ci95Low, double Ci95High, double P5, double P50, double P95);
