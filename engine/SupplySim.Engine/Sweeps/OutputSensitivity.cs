namespace SupplySim.Sweeps;

/// <summary>The sensitivity of one output to every parameter.</summary>
/// <param name="Output">The output's name.</param>
/// <param name="Method">sobol, morris, oat, or none (grid and lhs designs give a table but no indices).</param>
/// <param name="Entries">One entry per parameter, in rank order.</param>
public sealed record OutputSensitivity(string Output, string Method, IReadOnlyList<SensitivityEntry> Entries);
