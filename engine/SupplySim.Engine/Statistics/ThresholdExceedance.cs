namespace SupplySim.Statistics;

/// <summary>
/// The share of trials whose value lies strictly above a user threshold, for example
/// <c>P(shortage_fraction &gt; 0.1)</c>.
/// </summary>
/// <param name="Threshold">The threshold, in the metric's own units.</param>
/// <param name="Probability">
/// The fraction of trials with a value strictly greater than <paramref name="Threshold"/>, in [0, 1].
/// </param>
public readonly record struct ThresholdExceedance(double Threshold, double Probability);
