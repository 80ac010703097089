namespace SupplySim.Reporting.Html;

/// <summary>The headline statistics of one sector × material in one scenario.</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="Material">Material id.</param>
/// <param name="PAnyShortage">Share of trials with any shortage (shortage fraction above 0).</param>
/// <param name="ShortageFraction">Shortage fraction (1 − fill rate), a share in [0, 1].</param>
/// <param name="MeanDelayDays">Mean delay per tonne of demand, days.</param>
/// <param name="TimeToShortageDays">Days from the first event to the first shortage, censored at the horizon.</param>
/// <param name="TimeToRecoverDays">Days from the first shortage to recovery, censored at the horizon.</param>
/// <param name="ShortageQuantiles">Shortage fraction at probabilities 0, 1/50, …, 1 (type-7 quantiles): the empirical CDF.</param>
/// <param name="ShortageDelta">Paired difference of shortage fraction against the baseline; null for the baseline.</param>
internal sealed record ReportSectorRow(string Sector, string Material, double PAnyShortage, ReportStat ShortageFraction, ReportStat MeanDelayDays,
    ReportStat TimeToShortageDays, ReportStat TimeToRecoverDays, IReadOnlyList<double> ShortageQuantiles, ReportStat? ShortageDelta);
