namespace SupplySim.Scenario;

/// <summary>
/// One entry of <c>levers:</c> as written: a decision variable (what the planner controls), its range and its cost
/// model. Ranges and costs are kept as text with their locations; their units depend on the kind and are checked by
/// the decision compiler.
/// </summary>
public sealed class LeverDocument
{
    /// <summary>Name of the lever in outputs.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>stockpile, days_of_cover, capacity, recycling or prequalify.</summary>
    public LocatedValue<string>? Kind { get; set; }

    /// <summary>The node the lever acts on (every kind but prequalify).</summary>
    public LocatedValue<string>? Node { get; set; }

    /// <summary>stockpile: the material held.</summary>
    public LocatedValue<string>? Material { get; set; }

    /// <summary>prequalify: the lane <c>FROM-&gt;TO</c> whose qualification delay the lever removes.</summary>
    public LocatedValue<string>? Lane { get; set; }

    /// <summary>The two ends of <c>range: [LOW, HIGH]</c> as written, or null when absent.</summary>
    public List<LocatedValue<string>>? Range { get; set; }

    /// <summary>Cost keys as written (<c>purchase_price</c>, <c>holding_cost</c>, <c>capital_cost</c>, <c>cost</c>), by key.</summary>
    public Dictionary<string, CostDocument> Costs { get; } = new(StringComparer.Ordinal);

    /// <summary>days_of_cover: holding cost per material (<c>holding_cost: {MATERIAL: COST}</c>), when given as a mapping.</summary>
    public Dictionary<string, CostDocument>? HoldingCostByMaterial { get; set; }

    /// <summary>capacity and recycling: time from the start until the added capacity produces.</summary>
    public LocatedValue<double>? OnlineAfter { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
