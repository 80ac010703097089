using SupplySim.Model;

namespace SupplySim.Reporting;

/// <summary>One observed flow against the modelled distribution of the same flow.</summary>
/// <param name="Observation">The observation.</param>
/// <param name="P10">Modelled 10th percentile, tonnes.</param>
/// <param name="P50">Modelled median, tonnes.</param>
/// <param name="P90">Modelled 90th percentile, tonnes.</param>
/// <param name="Mean">Modelled mean, tonnes.</param>
public sealed record BacktestComparison(CompiledObservation Observation, double P10, double P50, double P90, double Mean)
{
    /// <summary>True when the observed value lies in the modelled P10–P90 band (inclusive).</summary>
    public bool Inside => Observation.ObservedTonnes >= P10 - Tolerance && Observation.ObservedTonnes <= P90 + Tolerance;

    /// <summary>Rounding slack so that an observed 0 t matches a modelled 0 t.</summary>
    private const double Tolerance = 1e-6;
}
