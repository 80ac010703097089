namespace SupplySim.Scenario;

/// <summary>An initial inventory: a mass, or days of the node's mean daily need.</summary>
public sealed class InventoryAmountDocument
{
    /// <summary>The mass in tonnes, when given as a mass.</summary>
    public UncertainDocument? Tonnes { get; set; }

    /// <summary>Days of cover, when given as a duration.</summary>
    public double? CoverDays { get; set; }

    /// <summary>Where the amount was written.</summary>
    public SourceLocation Location { get; set; }
}
