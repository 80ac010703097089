namespace SupplySim.Calibration;

/// <summary>
/// How much the posterior changed the forecast's CRPS, pooled over observations: the geometric mean of the per-observation
/// ratios posterior CRPS / prior CRPS. The geometric mean treats "twice as good" and "twice as bad" symmetrically (0.5 and
/// 2.0 pool to 1.0, where their arithmetic mean, 1.25, reads as worse) and does not let one observation with a prior CRPS
/// near 0 dominate.
/// </summary>
internal static class CrpsRatio
{
    /// <summary>
    /// Geometric mean of posterior / prior over <paramref name="scores"/>. An observation whose two CRPS are both 0
    /// counts as ratio 1. One where exactly one is 0 has no finite, non-zero ratio (0 or +∞ would decide the mean on its
    /// own): it is left out and counted in <c>Skipped</c>. NaN when no observation is left.
    /// </summary>
    public static (double Ratio, int Skipped) GeometricMean(IEnumerable<(double Prior, double Posterior)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double logSum = 0;
        int used = 0, skipped = 0;
        foreach (var (prior, posterior) in scores)
        {
            if (prior == 0 && posterior == 0)
            {
                used++;
            }
            else if (prior > 0 && posterior > 0)
            {
                logSum += Math.Log(posterior / prior);
                used++;
            }
            else
            {
                skipped++;
            }
        }

        return (used == 0 ? double.NaN : Math.Exp(logSum / used), skipped);
    }
}
