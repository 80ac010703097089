namespace SupplySim.Reporting.Html;

/// <summary>Weekly P10/P50/P90 over trials of one consumer × material's cover and fill rate (week w starts on day 7w).</summary>
/// <param name="Consumer">Consumer node id.</param>
/// <param name="Material">Material id.</param>
/// <param name="CoverP10">10th percentile of mean on-hand cover, days of mean demand, per week.</param>
/// <param name="CoverP50">Median cover, days.</param>
/// <param name="CoverP90">90th percentile of cover, days.</param>
/// <param name="FillP10">10th percentile of the week's fill rate, in [0, 1].</param>
/// <param name="FillP50">Median fill rate.</param>
/// <param name="FillP90">90th percentile of fill rate.</param>
internal sealed record ReportFan(string Consumer, string Material, IReadOnlyList<double> CoverP10, IReadOnlyList<double> CoverP50,
    IReadOnlyList<double> CoverP90, IReadOnlyList<double> FillP10, IReadOnlyList<double> FillP50, IReadOnlyList<double> FillP90);
