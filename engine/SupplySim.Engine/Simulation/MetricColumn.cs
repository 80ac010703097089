namespace SupplySim.Simulation;

/// <summary>One column of a trial's results: which entity, material and metric.</summary>
/// <param name="Kind">The kind of entity.</param>
/// <param name="Entity">Entity id (node, sector, lane or control name).</param>
/// <param name="Material">Material id, or <c>*</c> when the metric is not per material.</param>
/// <param name="Metric">The metric.</param>
public readonly record struct MetricColumn(EntityKind Kind, string Entity, string Material, Metric Metric);
