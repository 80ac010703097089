namespace SupplySim.Scenario;

/// <summary>
/// One entry of <c>markets:</c> as written: a material's price on each side of an exporter's controls, how it moves
/// with scarcity, and how each sector's demand follows it. Mutable; no invariants.
/// </summary>
public sealed class MarketDocument
{
    /// <summary>The material priced.</summary>
    public LocatedValue<string>? Material { get; set; }

    /// <summary>The controlling country: its buyers form the <c>inside</c> market, every other buyer the <c>outside</c> one.</summary>
    public LocatedValue<string>? Exporter { get; set; }

    /// <summary>Price inside the exporting country at day 0 (USD per tonne).</summary>
    public UncertainDocument? StartPriceInside { get; set; }

    /// <summary>Price in the rest of the world at day 0 (USD per tonne).</summary>
    public UncertainDocument? StartPriceOutside { get; set; }

    /// <summary>ln(target price / start price) per unit of cover gap (plain number).</summary>
    public UncertainDocument? ScarcitySensitivity { get; set; }

    /// <summary>Time constant of the price's move towards its target (days).</summary>
    public UncertainDocument? AdjustmentTime { get; set; }

    /// <summary>Short-run price elasticity of demand per sector; the key <c>*</c> covers sectors not named.</summary>
    public Dictionary<string, UncertainDocument> DemandElasticity { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each elasticity's sector key was written.</summary>
    public Dictionary<string, SourceLocation> DemandElasticityLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>η ≥ 0: transshippers' capacity and leak fraction scale with (relative price gap)^η (plain number).</summary>
    public UncertainDocument? SmugglingElasticity { get; set; }

    /// <summary>Tranches of new output that producers outside the exporter add when the outside price stays high.</summary>
    public List<SupplyResponseDocument> SupplyResponses { get; } = [];

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}

/// <summary>One tranche of a market's supply response as written (restarts and recycling, or new mines).</summary>
public sealed class SupplyResponseDocument
{
    /// <summary>Price over start price above which the tranche's new output pays (plain number ≥ 1).</summary>
    public UncertainDocument? Threshold { get; set; }

    /// <summary>How long the price must stay above the threshold before new output starts (days).</summary>
    public UncertainDocument? Lag { get; set; }

    /// <summary>From the start of new output to its full rate (days; 0 = at once).</summary>
    public UncertainDocument? Ramp { get; set; }

    /// <summary>Full added output as a share of each responding producer's capacity.</summary>
    public UncertainDocument? Ceiling { get; set; }

    /// <summary>Where the tranche starts.</summary>
    public SourceLocation Location { get; set; }
}
