using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Calibration;

/// <summary>
/// Sequential Monte Carlo approximate Bayesian computation: the adaptive ABC-SMC of Del Moral, Doucet and Jasra (2012),
/// a refinement of Toni et al. (2009). Particles start as draws from the prior. Each generation lowers the tolerance ε
/// as far as keeps <see cref="CalibrationOptions.Retention"/> of the particles' effective sample size, reweights each
/// particle by the share of its trials within the new ε over the share within the old one, resamples when the effective
/// size falls below half, and moves every particle by a Metropolis–Hastings random walk (a multivariate normal fitted to
/// the population's covariance, on the real line of <see cref="SupportTransform"/>) that leaves the ABC posterior at ε
/// unchanged. A particle is judged on <see cref="CalibrationOptions.TrialsPerParticle"/> trials: the share of them
/// within ε is an unbiased estimate of the ABC likelihood (pseudo-marginal). The candidates of a generation are judged
/// on the same trials (common random numbers), fresh trials each generation. Deterministic for a seed: every draw comes
/// from a stream keyed by (seed, generation, particle), whatever the thread count.
/// </summary>
public static partial class AbcSmc
{
    /// <summary>The paths of every parameter calibration can fit: continuous per-trial uncertain ones, in file order.</summary>
    public static IReadOnlyList<string> CalibratableParameters(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var table = network.Parameters;
        return [.. Enumerable.Range(0, table.Count).Where(p => PriorDensity.IsCalibratable(table, p)).Select(p => table.Names[p]).Distinct()];
    }

    /// <summary>Calibrates <paramref name="parameterNames"/> of <paramref name="model"/> to <paramref name="fitted"/>.</summary>
    /// <exception cref="ArgumentException">A name is not a calibratable parameter, no observation is given, or the budget buys no generation.</exception>
    public static AbcSmcResult Run(CompiledModel model, IReadOnlyList<string> parameterNames, IReadOnlyList<CompiledObservation> fitted,
        CalibrationOptions options, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (fitted.Count == 0)
        {
            throw new ArgumentException("there are no observations to fit", nameof(fitted));
        }

        var table = model.Network.Parameters;
        var targets = ParameterOverrides.Resolve(table, parameterNames);
        for (int j = 0; j < targets.Length; j++)
        {
            if (targets[j].Length == 0 || !PriorDensity.IsCalibratable(table, targets[j][0]))
            {
                throw new ArgumentException($"'{parameterNames[j]}' is not a continuous uncertain per-trial parameter", nameof(parameterNames));
            }
        }

        var run = new Population(model, table, [.. targets.Select(t => t[0])], targets, fitted, options, progress, cancellationToken);
        return run.Calibrate(parameterNames);
    }
}
