namespace SupplySim.Calibration;

/// <summary>One generation of <see cref="AbcSmc"/>.</summary>
/// <param name="Tolerance">The scaled distance below which a trial counts as matching the observations; infinite for the prior.</param>
/// <param name="EffectiveSampleSize">(Σw)² / Σw² of the particle weights after the generation.</param>
/// <param name="Resampled">Whether the particles were resampled (their effective size had fallen below half).</param>
/// <param name="Acceptance">Share of the generation's random-walk moves accepted (0 for the prior).</param>
/// <param name="Simulations">Trials simulated in this generation.</param>
public sealed record AbcGeneration(double Tolerance, double EffectiveSampleSize, bool Resampled, double Acceptance, long Simulations);
