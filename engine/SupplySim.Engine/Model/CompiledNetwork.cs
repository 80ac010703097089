namespace SupplySim.Model;

/// <summary>
/// A validated network lowered to dense arrays: nodes and materials numbered from 0, a <em>holding</em>
/// <c>h = node * MaterialCount + material</c> for every node-material pair, and <em>arcs</em> (one per lane and
/// material) grouped in compressed-sparse-row form by buyer holding (inbound) and by supplier holding (outbound,
/// sorted by buyer priority). Immutable; only <see cref="NetworkCompiler"/> creates it. Thread-safe to share.
/// </summary>
public sealed class CompiledNetwork
{
    internal CompiledNetwork()
    {
    }

    /// <summary>Readable name from the file.</summary>
    public string Name { get; internal init; } = "";

    /// <summary>Calendar date of step 0.</summary>
    public DateOnly Start { get; internal init; }

    /// <summary>Number of steps in a run.</summary>
    public int Steps { get; internal init; }

    /// <summary>Days per step.</summary>
    public double StepDays { get; internal init; }

    /// <summary>Default seed from the file, or null.</summary>
    public ulong? DefaultSeed { get; internal init; }

    /// <summary>Thresholds for exceedance probabilities, by metric name.</summary>
    public IReadOnlyDictionary<string, double[]> Thresholds { get; internal init; } = new Dictionary<string, double[]>();

    /// <summary>Material ids, by index.</summary>
    public IReadOnlyList<string> MaterialIds { get; internal init; } = [];

    /// <summary>Node ids, by index.</summary>
    public IReadOnlyList<string> NodeIds { get; internal init; } = [];

    /// <summary>Node countries (ISO alpha-2), by index.</summary>
    public IReadOnlyList<string> NodeCountries { get; internal init; } = [];

    /// <summary>Sector names; consumers refer to them by index.</summary>
    public IReadOnlyList<string> SectorNames { get; internal init; } = [];

    /// <summary>Origin classes: each exporting country named by a control, then <c>other</c>.</summary>
    public IReadOnlyList<string> OriginNames { get; internal init; } = [];

    /// <summary>Lane names as <c>from-&gt;to</c>, by index.</summary>
    public IReadOnlyList<string> LaneNames { get; internal init; } = [];

    /// <summary>The uncertain numbers of the network and every scenario.</summary>
    public ParameterTable Parameters { get; internal init; } = null!;

    /// <summary>Rank correlations between per-trial parameters (the file's <c>correlations:</c>), or null.</summary>
    public ParameterCorrelations? Correlations { get; internal set; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => NodeIds.Count;

    /// <summary>Number of materials.</summary>
    public int MaterialCount => MaterialIds.Count;

    /// <summary>Number of origin classes.</summary>
    public int OriginCount => OriginNames.Count;

    /// <summary>Number of lane-material arcs.</summary>
    public int ArcCount => ArcFrom.Length;

    /// <summary>Number of lanes.</summary>
    public int LaneCount => LaneNames.Count;

    /// <summary>The kind of each node.</summary>
    public ReadOnlySpan<NodeKind> Kinds => NodeKind;

    internal NodeKind[] NodeKind { get; init; } = [];

    internal int[] NodeOrigin { get; init; } = [];

    internal int[] NodeSector { get; init; } = [];

    internal int[] CapacityParam { get; init; } = [];

    internal int[] QuotaParam { get; init; } = [];

    internal bool[] IsPush { get; init; } = [];

    internal double[] CoverDays { get; init; } = [];

    /// <summary>Prices and demand response (<see cref="MarketTables.None"/> without <c>markets:</c>).</summary>
    internal MarketTables Markets { get; init; } = MarketTables.None;

    internal int[] OutputMaterial { get; init; } = [];

    internal int[] RecipeStart { get; init; } = [];

    internal int[] RecipeMaterial { get; init; } = [];

    internal int[] RecipeRatioParam { get; init; } = [];

    internal int[] DelayParam { get; init; } = [];

    internal int[] LeakParam { get; init; } = [];

    internal int[] InterdictionParam { get; init; } = [];

    internal int[] ReleaseBelowCoverParam { get; init; } = [];

    internal int[] ReleaseRateParam { get; init; } = [];

    internal int[] DemandCvParam { get; init; } = [];

    internal int[] Priority { get; init; } = [];

    internal bool[] LostSales { get; init; } = [];

    internal bool[] Coupled { get; init; } = [];

    internal bool[] UsesReorderPoint { get; init; } = [];

    internal double[] ReorderDays { get; init; } = [];

    /// <summary>Per holding: does the node hold this material at all.</summary>
    internal bool[] Held { get; init; } = [];

    internal int[] DemandParam { get; init; } = [];

    /// <summary>
    /// Per arc: mean lead time in days (whole steps, plus any transshipper delay). Order-up-to levels add the
    /// share-weighted mean over a buyer's open lanes (plus licence processing where a licence applies), so
    /// <c>days_of_cover</c> means stock on the shelf, not in the pipeline.
    /// </summary>
    internal double[] ArcMeanLeadDays { get; init; } = [];

    internal int[] AcquisitionParam { get; init; } = [];

    internal int[] InitialParam { get; init; } = [];

    internal double[] InitialCoverDays { get; init; } = [];

    internal int[] ArcFrom { get; init; } = [];

    internal int[] ArcTo { get; init; } = [];

    internal int[] ArcMaterial { get; init; } = [];

    internal int[] ArcLane { get; init; } = [];

    internal int[] ArcLeadParam { get; init; } = [];

    internal double[] ArcShare { get; init; } = [];

    internal bool[] ArcIsPush { get; init; } = [];

    internal bool[] ArcIsRelease { get; init; } = [];

    /// <summary>Ring-buffer length of each arc's pipeline: longest lead time plus transshipper delay, plus one, rounded up to a power of two.</summary>
    internal int[] ArcPipeLength { get; init; } = [];


    /// <summary>
    /// Where material in transit lives: per arc a ring of its own length (not one of the longest for every arc: 2.5
    /// times less pipeline on the shipped file), with cells only for the origins the arc can carry. On large networks
    /// the pipeline is most of a kernel's memory (docs/large-networks.md).
    /// </summary>
    internal PipelineLayout Pipeline { get; init; } = PipelineLayout.Build([], [], [], 1, 1);

    internal int[] InStart { get; init; } = [];

    internal int[] InArcs { get; init; } = [];

    internal int[] OutStart { get; init; } = [];

    internal int[] OutArcs { get; init; } = [];

    /// <summary>Outbound arcs of a supplier holding are grouped by buyer priority; each group ends at a boundary.</summary>
    internal bool[] OutGroupEnd { get; init; } = [];

    internal int[] ReleaseStart { get; init; } = [];

    internal int[] ReleaseArcs { get; init; } = [];

    internal int[] LaneCapacityParam { get; init; } = [];

    /// <summary>
    /// Per lane: the per-trial qualification time of a supplier the buyer has not qualified yet, or -1. A buyer orders
    /// on such a lane only once qualified; it starts qualifying when one of its qualified lanes of the material
    /// closes (or at once if it has none), and the lane opens to its orders that many days later.
    /// </summary>
    internal int[] LaneQualificationParam { get; init; } = [];

    /// <summary>Number of weeks (7-day blocks from the start) the run touches.</summary>
    public int WeekCount => (int)Math.Ceiling(Steps * StepDays / 7.0);

    /// <summary>Number of calendar months the run touches.</summary>
    public int MonthCount => MonthOfStep.Length == 0 ? 0 : MonthOfStep[^1] + 1;

    /// <summary>Markets priced by the file (two per material under <c>markets:</c>; 0 without).</summary>
    public int MarketCount => Markets.Count;

    /// <summary>The report name of market <paramref name="market"/> (<c>inside-CN</c>, <c>outside-CN</c>).</summary>
    public string MarketName(int market) => Markets.Names[market];

    /// <summary>The id of the material market <paramref name="market"/> prices.</summary>
    public string MarketMaterial(int market) => MaterialIds[Markets.Material[market]];

    /// <summary>
    /// Values per trial of the monthly series a backtest records: tonnes shipped per lane and month, then (with
    /// markets) the mean price per market and month, each series <see cref="MonthCount"/> long.
    /// </summary>
    public int MonthlySeriesWidth => (LaneCount + Markets.Count) * MonthCount;

    /// <summary>Values per trial of the monthly series <paramref name="which"/>: lanes (if recorded) and markets, by month.</summary>
    internal int MonthlyWidth(Simulation.MonthlySeries which) => which switch
    {
        Simulation.MonthlySeries.LaneFlowsAndPrices => MonthlySeriesWidth,
        Simulation.MonthlySeries.Prices => Markets.Count * MonthCount,
        _ => 0,
    };

    /// <summary>Calendar month index of each step, from 0 (the month of <see cref="Start"/>), for monthly flows.</summary>
    internal int[] MonthOfStep { get; init; } = [];

    /// <summary>Calendar year index of each step, from 0, for annual quotas.</summary>
    internal int[] YearOfStep { get; init; } = [];
}
