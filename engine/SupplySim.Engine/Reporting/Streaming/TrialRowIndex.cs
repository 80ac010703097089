using SupplySim.Simulation;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// The entities of the tidy per-trial table (<see cref="TrialTable"/>) for each scenario's layout: every consumer
/// or sector × material block of shortage metrics, and the consumer's coupled-output column where it has one.
/// </summary>
internal sealed class TrialRowIndex
{
    public TrialRowIndex(IReadOnlyList<MetricLayout> layouts)
    {
        for (int s = 0; s < layouts.Count; s++)
        {
            var columns = layouts[s].Columns;
            for (int c = 0; c < columns.Count; c++)
            {
                if (columns[c].Kind is not (EntityKind.Consumer or EntityKind.Sector) || columns[c].Metric != Metric.DemandT)
                {
                    continue;
                }

                // Same rule as TrialTable: the last matching output_lost_fraction column of a consumer.
                int coupled = -1;
                for (int k = 0; k < columns.Count; k++)
                {
                    coupled = columns[k].Metric == Metric.OutputLostFraction && columns[c].Kind == EntityKind.Consumer &&
                              columns[k].Entity == columns[c].Entity ? k : coupled;
                }

                string kind = columns[c].Kind == EntityKind.Consumer ? "consumer" : "sector";
                Entities.Add(new(s, c, coupled, kind, columns[c].Entity, columns[c].Material));
            }
        }
    }

    /// <summary>Entities in table order (scenario, then column order).</summary>
    public List<Entity> Entities { get; } = [];

    /// <summary>Number of shortage metric columns per entity (the table's metric columns but the last).</summary>
    public static int ShortageMetricCount => MetricNames.ShortageMetrics.Count;

    /// <summary>One entity block of a scenario's row.</summary>
    public readonly record struct Entity(int Scenario, int FirstColumn, int CoupledColumn, string Kind, string Id, string Material);
}
