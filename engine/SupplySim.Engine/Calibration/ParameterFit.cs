namespace SupplySim.Calibration;

/// <summary>A calibrated parameter: its prior and posterior P5/P50/P95 (internal unit) and the draws behind them.</summary>
/// <param name="Name">Its path.</param>
/// <param name="Prior">P5, P50, P95 of the prior.</param>
/// <param name="Posterior">Weighted P5, P50, P95 of the posterior particles.</param>
/// <param name="PriorDraws">Draws from the prior (for densities).</param>
/// <param name="PosteriorValues">The particles' values.</param>
/// <param name="PosteriorWeights">The particles' weights.</param>
public sealed record ParameterFit(string Name, (double P5, double P50, double P95) Prior, (double P5, double P50, double P95) Posterior,
    IReadOnlyList<double> PriorDraws, IReadOnlyList<double> PosteriorValues, IReadOnlyList<double> PosteriorWeights);
