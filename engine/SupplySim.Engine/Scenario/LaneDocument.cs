namespace SupplySim.Scenario;

/// <summary>A lane entry as written (<c>lanes:</c>).</summary>
public sealed class LaneDocument
{
    /// <summary>Supplier node id.</summary>
    public LocatedValue<string>? From { get; set; }

    /// <summary>Buyer node id.</summary>
    public LocatedValue<string>? To { get; set; }

    /// <summary>Materials carried; null means every material both ends handle.</summary>
    public List<LocatedValue<string>>? Materials { get; set; }

    /// <summary>Lead time per shipment, days.</summary>
    public UncertainDocument? LeadTime { get; set; }

    /// <summary>Capacity over all materials, tonnes per day.</summary>
    public UncertainDocument? Capacity { get; set; }

    /// <summary>Sourcing weight among the buyer's lanes.</summary>
    public LocatedValue<double>? Share { get; set; }

    /// <summary>
    /// Present: the buyer has not qualified this supplier yet, and qualifying takes this long (days, per trial) from
    /// the day it needs to (one of its qualified lanes closes).
    /// </summary>
    public UncertainDocument? Qualification { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
