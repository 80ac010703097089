using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Calibration;

/// <summary>
/// Weighted particles of a calibration: per particle a value of each calibrated per-trial parameter (in the internal
/// unit, as the compiler stores it) and a weight. A run from a posterior draws each trial's particle by weight from the
/// trial's own stream; every other parameter and random stream is drawn as without it.
/// </summary>
public sealed class Posterior
{
    private readonly double[] _values;

    /// <param name="parameterNames">The calibrated parameters' paths, as in <see cref="ParameterTable.Names"/>.</param>
    /// <param name="values">Particle-major values, <c>[particle * parameters + parameter]</c>.</param>
    /// <param name="weights">One non-negative weight per particle, not all zero (they need not sum to one).</param>
    /// <param name="networkFingerprint">The <see cref="NetworkFingerprint"/> of the network it was fitted to.</param>
    public Posterior(IReadOnlyList<string> parameterNames, IReadOnlyList<double> values, IReadOnlyList<double> weights, string networkFingerprint)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(networkFingerprint);
        if (parameterNames.Count == 0 || weights.Count == 0 || values.Count != parameterNames.Count * weights.Count)
        {
            throw new ArgumentException("a posterior needs at least one parameter and one particle, and a value of each parameter per particle");
        }

        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(weights.Sum() > 0))
        {
            throw new ArgumentException("particle weights must be finite, non-negative and not all zero");
        }

        ParameterNames = [.. parameterNames];
        _values = [.. values];
        Weights = [.. weights];
        NetworkFingerprint = networkFingerprint;
    }

    /// <summary>The calibrated parameters' paths.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Each particle's weight.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Number of particles.</summary>
    public int Particles => Weights.Count;

    /// <summary>The <see cref="Calibration.NetworkFingerprint"/> of the network it was fitted to.</summary>
    public string NetworkFingerprint { get; }

    /// <summary>Particle <paramref name="particle"/>'s value of parameter <paramref name="parameter"/>.</summary>
    public double Value(int particle, int parameter) => _values[(particle * ParameterNames.Count) + parameter];

    /// <summary>Why this posterior cannot drive <paramref name="network"/>, or null when it can.</summary>
    public string? Mismatch(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        string fingerprint = Calibration.NetworkFingerprint.Of(network);
        if (fingerprint != NetworkFingerprint)
        {
            return $"it was fitted to another network (fingerprint {NetworkFingerprint}, this file's is {fingerprint}): " +
                   "its materials, nodes, lanes or uncertain parameters differ";
        }

        var targets = ParameterOverrides.Resolve(network.Parameters, ParameterNames);
        int missing = Array.FindIndex(targets, t => t.Length == 0);
        return missing >= 0 ? $"its parameter '{ParameterNames[missing]}' is not an uncertain per-trial parameter of this file" : null;
    }

    /// <summary>The kernel's form for <paramref name="table"/>: each trial draws a particle by weight.</summary>
    internal ParameterOverrides ToOverrides(ParameterTable table) =>
        new(ParameterOverrides.Resolve(table, ParameterNames), _values, Weights);

    /// <summary>The parameters of <paramref name="names"/> dropped (a sweep sets them itself); null when none is left.</summary>
    public Posterior? Without(IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        int[] kept = [.. Enumerable.Range(0, ParameterNames.Count).Where(p => !names.Contains(ParameterNames[p]))];
        if (kept.Length == ParameterNames.Count)
        {
            return this;
        }

        return kept.Length == 0 ? null : new Posterior([.. kept.Select(p => ParameterNames[p])],
            [.. Enumerable.Range(0, Particles).SelectMany(i => kept.Select(p => Value(i, p)))], Weights, NetworkFingerprint);
    }
}
