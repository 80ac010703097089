namespace SupplySim.Scenario;

/// <summary>
/// A cost as written: one amount (<c>15000 USD/t</c>) or, where the figure is not known, a stated range
/// (<c>{dist: uniform, min: 50 kUSD/(t/yr), max: 150 kUSD/(t/yr)}</c>, or triangular with a mode). Costs enter
/// expected costs linearly, so a range counts with its mean.
/// </summary>
public sealed class CostDocument
{
    /// <summary>The amount of a single cost, or null for a range.</summary>
    public LocatedValue<string>? Amount { get; set; }

    /// <summary>uniform or triangular, for a range.</summary>
    public LocatedValue<string>? Dist { get; set; }

    /// <summary>The range's ends and mode (triangular) as written, by key (min, mode, max).</summary>
    public Dictionary<string, LocatedValue<string>> Bounds { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the cost is written.</summary>
    public SourceLocation Location { get; set; }
}
