using SupplySim.Model;

namespace SupplySim.Reporting;

/// <summary>One observed flow (or price) against the modelled distribution of the same flow (or mean price).</summary>
/// <param name="Observation">The observation.</param>
/// <param name="P10">Modelled 10th percentile, in the observation's unit.</param>
/// <param name="P50">Modelled median.</param>
/// <param name="P90">Modelled 90th percentile.</param>
/// <param name="Mean">Modelled mean.</param>
public sealed record BacktestComparison(CompiledObservation Observation, double P10, double P50, double P90, double Mean)
{
    /// <summary>True when the observed value lies in the modelled P10–P90 band (inclusive).</summary>
    public bool Inside => Observation.Observed >= P10 - Tolerance && Observation.Observed <= P90 + Tolerance;

    /// <summary>Rounding slack so that an observed 0 t matches a modelled 0 t.</summary>
    private const double Tolerance = 1e-6;
}
