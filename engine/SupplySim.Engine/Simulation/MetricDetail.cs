namespace SupplySim.Simulation;

/// <summary>
/// Which result columns a run keeps (statistics, <c>summary.json</c>, <c>trials.csv</c>, <c>trials.parquet</c>). The
/// kernel always computes every column; a run of a large network keeps only what its size allows a person to read.
/// </summary>
public enum MetricDetail
{
    /// <summary>Sectors (per material), markets, the sectors' demand response and export controls.</summary>
    Sectors,

    /// <summary>As <see cref="Sectors"/>, plus each consumer and material and each coupled consumer's lost output.</summary>
    Consumers,

    /// <summary>Every column: also lanes, transshippers and producers.</summary>
    All,
}

/// <summary>Which columns each <see cref="MetricDetail"/> keeps.</summary>
public static class MetricDetails
{
    /// <summary>Above this many columns per scenario (the shipped file's baseline has 478), runs keep sectors only unless asked for more.</summary>
    public const int AutoAllColumns = 2_000;

    /// <summary>The detail a run picks by default: everything for networks whose rows have at most <see cref="AutoAllColumns"/> columns, else sectors.</summary>
    public static MetricDetail Auto(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Width <= AutoAllColumns ? MetricDetail.All : MetricDetail.Sectors;
    }

    /// <summary>Whether <paramref name="detail"/> keeps columns of <paramref name="kind"/>.</summary>
    public static bool Keeps(this MetricDetail detail, EntityKind kind) => kind switch
    {
        EntityKind.Sector or EntityKind.Market or EntityKind.SectorDemandResponse or EntityKind.Control => true,
        EntityKind.Consumer => detail >= MetricDetail.Consumers,
        _ => detail == MetricDetail.All,
    };

    /// <summary>Parses <c>sectors</c>, <c>consumers</c> or <c>all</c>; null for anything else.</summary>
    public static MetricDetail? Parse(string text) => text switch
    {
        "sectors" => MetricDetail.Sectors,
        "consumers" => MetricDetail.Consumers,
        "all" => MetricDetail.All,
        _ => null,
    };
}
