using SupplySim.Model;

namespace SupplySim.Calibration;

/// <summary>What <see cref="AbcSmc.Run"/> found.</summary>
/// <param name="Posterior">The last generation's weighted particles.</param>
/// <param name="Generations">Each generation's tolerance, effective sample size and cost, first to last.</param>
/// <param name="Fitted">The observations fitted.</param>
/// <param name="Scales">Per fitted observation, the spread its errors are divided by in the distance.</param>
/// <param name="Simulations">Trials simulated in all.</param>
public sealed record AbcSmcResult(Posterior Posterior, IReadOnlyList<AbcGeneration> Generations, IReadOnlyList<CompiledObservation> Fitted,
    IReadOnlyList<double> Scales, long Simulations);
