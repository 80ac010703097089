using SupplySim.Simulation;

namespace SupplySim.Decisions;

/// <summary>
/// What a shortage costs: US dollars per tonne a sector is short of a material, or per day a coupled consumer's
/// output stops (its lost output fraction times the run's days).
/// </summary>
/// <param name="Kind">Sector (per tonne) or Consumer (per day stopped).</param>
/// <param name="Entity">Sector name or consumer id.</param>
/// <param name="Material">Material id, or <c>*</c> for a consumer's output.</param>
/// <param name="DollarsPerUnit">US dollars per tonne short or per day stopped.</param>
public sealed record ShortageCost(EntityKind Kind, string Entity, string Material, double DollarsPerUnit)
{
    /// <summary>The result column the cost is counted on.</summary>
    internal MetricColumn Column => Kind == EntityKind.Sector
        ? new MetricColumn(EntityKind.Sector, Entity, Material, Metric.ShortageT)
        : new MetricColumn(EntityKind.Consumer, Entity, "*", Metric.OutputLostFraction);
}
