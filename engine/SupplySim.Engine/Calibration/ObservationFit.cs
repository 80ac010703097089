using SupplySim.Model;

namespace SupplySim.Calibration;

/// <summary>An observation under the prior and under the posterior, and whether calibration fitted it (else it is out of sample).</summary>
public sealed record ObservationFit(CompiledObservation Observation, bool Fitted, PredictiveBand Prior, PredictiveBand Posterior);
