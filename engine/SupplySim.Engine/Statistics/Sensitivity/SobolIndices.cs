namespace SupplySim.Statistics.Sensitivity;

/// <summary>First-order and total Sobol indices of each parameter, with bootstrap confidence intervals.</summary>
/// <param name="FirstOrder">S1 per parameter: the share of output variance explained by the parameter alone.</param>
/// <param name="Total">ST per parameter: the share explained by the parameter and all its interactions.</param>
/// <param name="Variance">Output variance over the A and B samples.</param>
internal sealed record SobolIndices(IReadOnlyList<SensitivityIndex> FirstOrder, IReadOnlyList<SensitivityIndex> Total, double Variance);
