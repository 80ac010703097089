namespace SupplySim.Model;

/// <summary>
/// The compiled market layer: one price per market (a material on one side of its exporter's controls), and per
/// demand holding the market it buys in and its sector's price elasticity. Empty when the file has no <c>markets:</c>,
/// and then the kernels skip every market step (no draws, no work), so results are those of a file without markets.
/// </summary>
internal sealed class MarketTables
{
    /// <summary>No market layer.</summary>
    public static MarketTables None { get; } = new();

    /// <summary>Markets, two per priced material: <c>inside-XX</c> (buyers in the exporter XX) then <c>outside-XX</c>.</summary>
    public int Count => Names.Length;

    /// <summary>Per market: its report name (<c>inside-CN</c>, <c>outside-CN</c>).</summary>
    public string[] Names { get; init; } = [];

    /// <summary>Per market: the material priced.</summary>
    public int[] Material { get; init; } = [];

    /// <summary>Per market: the per-trial start price (USD/t).</summary>
    public int[] StartPriceParam { get; init; } = [];

    /// <summary>Per market: the per-trial scarcity sensitivity (ln of target price over start price per unit of cover gap).</summary>
    public int[] SensitivityParam { get; init; } = [];

    /// <summary>Per market: the per-trial adjustment time constant (days).</summary>
    public int[] AdjustmentParam { get; init; } = [];

    /// <summary>Per holding (<c>node * M + material</c>): the market a consumer buys that material in, or -1.</summary>
    public int[] HoldingMarket { get; init; } = [];

    /// <summary>Per holding: the per-trial price elasticity of its demand, or -1 (no response).</summary>
    public int[] HoldingElasticityParam { get; init; } = [];

    /// <summary>
    /// Per material: the per-trial smuggling elasticity η of its market, or -1 (no price-driven smuggling). Its
    /// transshippers forward and leak (P_out/P0_out ÷ P_in/P0_in)^η times their rates (the leak at most 1).
    /// </summary>
    public int[] SmugglingParam { get; init; } = [];

    /// <summary>Per material: its outside market, or -1 (the inside one is the next lower index).</summary>
    public int[] OutsideMarketOf { get; init; } = [];

    /// <summary>Whether any market has a smuggling elasticity.</summary>
    public bool HasSmuggling => SmugglingParam.Any(p => p >= 0);

    /// <summary>Supply-response tranches, over every market.</summary>
    public int ResponseCount => ResponseMarket.Length;

    /// <summary>Per tranche: the market whose price triggers it (always an <c>outside</c> market).</summary>
    public int[] ResponseMarket { get; init; } = [];

    /// <summary>Per tranche: the per-trial price / start price above which it starts to count.</summary>
    public int[] ResponseThresholdParam { get; init; } = [];

    /// <summary>Per tranche: the per-trial days the price must stay above the threshold.</summary>
    public int[] ResponseLagParam { get; init; } = [];

    /// <summary>Per tranche: the per-trial days from start to full added output.</summary>
    public int[] ResponseRampParam { get; init; } = [];

    /// <summary>Per tranche: the per-trial full added output, a share of each responding producer's capacity.</summary>
    public int[] ResponseCeilingParam { get; init; } = [];

    /// <summary>Per tranche: the producers of the market's material outside the exporter.</summary>
    public int[][] ResponseProducers { get; init; } = [];
}
