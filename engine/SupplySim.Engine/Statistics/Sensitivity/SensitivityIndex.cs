namespace SupplySim.Statistics.Sensitivity;

/// <summary>An estimated index with a bootstrap percentile confidence interval.</summary>
/// <param name="Estimate">The point estimate from all samples.</param>
/// <param name="CiLow">Lower end of the 95% bootstrap percentile interval.</param>
/// <param name="CiHigh">Upper end of the 95% bootstrap percentile interval.</param>
public readonly record struct SensitivityIndex(double Estimate, double CiLow, double CiHigh);
