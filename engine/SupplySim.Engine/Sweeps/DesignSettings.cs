namespace SupplySim.Sweeps;

/// <summary>The design of a sweep as resolved from the sweep file.</summary>
/// <param name="Kind">The design type.</param>
/// <param name="Levels">Grid levels per range parameter, or Morris grid levels.</param>
/// <param name="Samples">Latin hypercube points, or Saltelli base samples N.</param>
/// <param name="Trajectories">Morris trajectories.</param>
/// <param name="Bootstrap">Bootstrap replicates for confidence intervals.</param>
public sealed record DesignSettings(DesignKind Kind, int Levels, int Samples, int Trajectories, int Bootstrap);
