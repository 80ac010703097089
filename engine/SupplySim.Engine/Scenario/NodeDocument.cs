namespace SupplySim.Scenario;

/// <summary>
/// A node entry as written (<c>nodes:</c>); one flat shape for every kind, so fields that a kind does not use
/// stay null. The loader reports keys that do not belong to the node's kind.
/// </summary>
public sealed class NodeDocument
{
    /// <summary>Unique id.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>producer, processor, transshipper, stockpile or consumer.</summary>
    public LocatedValue<string>? Kind { get; set; }

    /// <summary>ISO 3166 alpha-2 country code.</summary>
    public LocatedValue<string>? Country { get; set; }

    /// <summary>Producer: the material it makes.</summary>
    public LocatedValue<string>? Material { get; set; }

    /// <summary>Transshipper: the materials it forwards.</summary>
    public List<LocatedValue<string>>? Materials { get; set; }

    /// <summary>Output rate (producer, processor) or forwarding rate (transshipper), tonnes per day.</summary>
    public UncertainDocument? Capacity { get; set; }

    /// <summary>Annual production cap (producer), tonnes per day averaged over a year.</summary>
    public UncertainDocument? Quota { get; set; }

    /// <summary>Inventory policy: none, order_up_to or s_S.</summary>
    public LocatedValue<string>? Policy { get; set; }

    /// <summary>Stock target in days.</summary>
    public LocatedValue<double>? DaysOfCover { get; set; }

    /// <summary>s_S: reorder point in days of cover.</summary>
    public LocatedValue<double>? ReorderPoint { get; set; }

    /// <summary>s_S: order-up-to level in days of cover.</summary>
    public LocatedValue<double>? OrderUpTo { get; set; }

    /// <summary>Initial inventory per material; the key <c>*</c> means every material the node holds.</summary>
    public Dictionary<string, InventoryAmountDocument>? InitialInventory { get; set; }

    /// <summary>Where each initial-inventory key was written.</summary>
    public Dictionary<string, SourceLocation> InitialInventoryLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Processor recipe.</summary>
    public RecipeDocument? Recipe { get; set; }

    /// <summary>Transshipper: added delay per shipment, days.</summary>
    public UncertainDocument? Delay { get; set; }

    /// <summary>Transshipper: share of controlled-origin material that evades a control.</summary>
    public UncertainDocument? LeakFraction { get; set; }

    /// <summary>Transshipper: chance a controlled shipment is seized.</summary>
    public UncertainDocument? InterdictionProbability { get; set; }

    /// <summary>Stockpile: release rule.</summary>
    public ReleaseDocument? Release { get; set; }

    /// <summary>Stockpile: order-up-to stock per material, tonnes.</summary>
    public Dictionary<string, UncertainDocument>? Acquisition { get; set; }

    /// <summary>Where each acquisition key was written.</summary>
    public Dictionary<string, SourceLocation> AcquisitionLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Consumer: sector name.</summary>
    public LocatedValue<string>? Sector { get; set; }

    /// <summary>Consumer: mean demand per material, tonnes per day.</summary>
    public Dictionary<string, UncertainDocument>? Demand { get; set; }

    /// <summary>Where each demand key was written.</summary>
    public Dictionary<string, SourceLocation> DemandLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Consumer: coefficient of variation of daily demand.</summary>
    public UncertainDocument? DemandCv { get; set; }

    /// <summary>Consumer: allocation priority, 1 first.</summary>
    public LocatedValue<double>? Priority { get; set; }

    /// <summary>Consumer: backorder or lost_sales.</summary>
    public LocatedValue<string>? Unmet { get; set; }

    /// <summary>Consumer: demand is a bill of materials needed together.</summary>
    public LocatedValue<bool>? Coupled { get; set; }

    /// <summary>
    /// Processors: whether the maker's input orders are rated (DPAS DO/DX-style, placed for a defense programme),
    /// so suppliers serve them first; unrated orders carry the maker's own <see cref="Priority"/>.
    /// </summary>
    public LocatedValue<bool>? Rated { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
