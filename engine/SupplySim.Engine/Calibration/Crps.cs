namespace SupplySim.Calibration;

/// <summary>
/// The continuous ranked probability score of an ensemble forecast (Gneiting and Raftery 2007): the mean absolute error
/// of the members minus half their mean absolute difference, in the observation's unit. Lower is better; for a single
/// member it is the absolute error.
/// </summary>
public static class Crps
{
    /// <summary>CRPS of the equally weighted <paramref name="ensemble"/> for <paramref name="observed"/>.</summary>
    public static double Of(IReadOnlyList<double> ensemble, double observed)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (ensemble.Count == 0)
        {
            throw new ArgumentException("the ensemble is empty", nameof(ensemble));
        }

        double[] sorted = [.. ensemble.Order()];
        int n = sorted.Length;
        double error = 0, spread = 0;
        for (int i = 0; i < n; i++)
        {
            error += Math.Abs(sorted[i] - observed);
            // Σ_{i<j} (x_j − x_i) = Σ_i x_(i) (2i − n + 1) with 0-based ranks.
            spread += sorted[i] * ((2.0 * i) - n + 1);
        }

        return (error / n) - (spread / ((double)n * n));
    }
}
