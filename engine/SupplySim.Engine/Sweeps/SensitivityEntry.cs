using SupplySim.Statistics.Sensitivity;

namespace SupplySim.Sweeps;

/// <summary>One parameter's sensitivity for one output.</summary>
/// <param name="Parameter">Parameter name.</param>
/// <param name="Rank">1 = most influential (by <paramref name="Score"/>).</param>
/// <param name="Score">The ranking measure: Sobol ST, Morris mu*, or tornado swing.</param>
/// <param name="Statistics">Named statistics (s1, st; mu_star, mu, sigma; base, low, high, swing) with intervals where known.</param>
public sealed record SensitivityEntry(string Parameter, int Rank, double Score, IReadOnlyList<KeyValuePair<string, SensitivityIndex>> Statistics);
