namespace SupplySim.Sweeps;

/// <summary>How a sweep chooses its points.</summary>
public enum DesignKind
{
    /// <summary>Full factorial: every combination of each parameter's levels.</summary>
    Grid,

    /// <summary>Latin hypercube: each of n equal-probability strata of every parameter is sampled exactly once.</summary>
    Lhs,

    /// <summary>Saltelli's A, B and AB_i matrices from a Sobol sequence, for Sobol first-order and total indices.</summary>
    Sobol,

    /// <summary>Morris trajectories (elementary effects): mu*, mu and sigma per parameter.</summary>
    Morris,

    /// <summary>One at a time: a base point, then each parameter at its low and at its high value (tornado charts).</summary>
    Oat,
}
