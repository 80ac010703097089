namespace SupplySim.Statistics.Sensitivity;

/// <summary>Morris statistics of one parameter's elementary effects (per unit of the parameter's normalised range).</summary>
/// <param name="Mu">Mean elementary effect (signed; effects of opposite sign cancel).</param>
/// <param name="MuStar">Mean absolute elementary effect (Campolongo et al. 2007): the importance measure.</param>
/// <param name="Sigma">Sample standard deviation of the effects: non-linearity or interactions.</param>
/// <param name="MuStarCi">95% bootstrap percentile interval of mu*.</param>
/// <param name="Count">Number of effects (trajectories).</param>
internal sealed record MorrisEffect(double Mu, double MuStar, double Sigma, SensitivityIndex MuStarCi, int Count);
