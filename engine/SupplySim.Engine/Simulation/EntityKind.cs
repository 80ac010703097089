namespace SupplySim.Simulation;

/// <summary>What a result column describes.</summary>
public enum EntityKind
{
    /// <summary>One consumer and material (or the consumer's output, for coupled consumers).</summary>
    Consumer,

    /// <summary>All consumers of a sector, one material.</summary>
    Sector,

    /// <summary>A lane (flow accounting).</summary>
    Lane,

    /// <summary>A producer (output and quota accounting).</summary>
    Producer,

    /// <summary>An export control (licence accounting).</summary>
    Control,

    /// <summary>A transshipper (flow accounting: the totals of the lanes it re-exports on).</summary>
    Transshipper,

    /// <summary>A market: one material's price on one side of its exporter's controls (markets: only).</summary>
    Market,

    /// <summary>All consumers of a sector, one priced material: the demand the price took away (markets: only).</summary>
    SectorDemandResponse,
}
