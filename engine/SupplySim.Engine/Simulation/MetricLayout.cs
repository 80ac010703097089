using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The columns of one scenario's per-trial results, and where the kernel writes each group. The consumer, sector,
/// lane and producer columns come first and are identical for every scenario of a network, so paired differences
/// line up column by column; the scenario's own control columns follow.
/// </summary>
public sealed class MetricLayout
{
    /// <summary>The layout of <paramref name="scenario"/> of <paramref name="network"/>.</summary>
    public MetricLayout(CompiledNetwork network, CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(scenario);
        int m = network.MaterialCount;
        var columns = new List<MetricColumn>();
        var demandHoldings = new List<int>();
        for (int h = 0; h < network.NodeCount * m; h++)
        {
            if (network.DemandParam[h] >= 0)
            {
                demandHoldings.Add(h);
                foreach (var metric in MetricNames.ShortageMetrics)
                {
                    columns.Add(new(EntityKind.Consumer, network.NodeIds[h / m], network.MaterialIds[h % m], metric));
                }
            }
        }

        DemandHoldings = [.. demandHoldings];
        DemandSeries = [.. demandHoldings.Select(h => (network.NodeIds[h / m], network.MaterialIds[h % m]))];
        var coupled = Enumerable.Range(0, network.NodeCount).Where(n => network.Coupled[n]).ToArray();
        CoupledNodes = coupled;
        CoupledBase = columns.Count;
        columns.AddRange(coupled.Select(n => new MetricColumn(EntityKind.Consumer, network.NodeIds[n], "*", Metric.OutputLostFraction)));
        var sectorMaterials = demandHoldings.Select(h => (network.NodeSector[h / m] * m) + (h % m)).Distinct().Order().ToArray();
        SectorMaterials = sectorMaterials;
        SectorBase = columns.Count;
        foreach (int sm in sectorMaterials)
        {
            foreach (var metric in MetricNames.ShortageMetrics)
            {
                columns.Add(new(EntityKind.Sector, network.SectorNames[sm / m], network.MaterialIds[sm % m], metric));
            }
        }

        LaneCount = network.LaneCount;
        LaneBase = columns.Count;
        foreach (string lane in network.LaneNames)
        {
            columns.Add(new(EntityKind.Lane, lane, "*", Metric.ShippedT));
            columns.Add(new(EntityKind.Lane, lane, "*", Metric.SeizedT));
        }

        TransshipperBase = columns.Count;
        var laneFrom = new int[network.LaneCount];
        for (int a = 0; a < network.ArcCount; a++)
        {
            if (network.ArcLane[a] >= 0)
            {
                laneFrom[network.ArcLane[a]] = network.ArcFrom[a];
            }
        }

        var transshippers = Enumerable.Range(0, network.NodeCount).Where(n => network.NodeKind[n] == Model.NodeKind.Transshipper).ToArray();
        // Grouped in one pass over the lanes (a scan per transshipper is quadratic on a world-size network).
        var lanesFrom = new List<int>[network.NodeCount];
        for (int lane = 0; lane < network.LaneCount; lane++)
        {
            (lanesFrom[laneFrom[lane]] ??= []).Add(lane);
        }

        TransshipperLanes = [.. transshippers.Select(n => lanesFrom[n]?.ToArray() ?? [])];
        foreach (int t in transshippers)
        {
            columns.Add(new(EntityKind.Transshipper, network.NodeIds[t], "*", Metric.ShippedT));
            columns.Add(new(EntityKind.Transshipper, network.NodeIds[t], "*", Metric.SeizedT));
        }

        Producers = [.. Enumerable.Range(0, network.NodeCount).Where(n => network.NodeKind[n] == Model.NodeKind.Producer)];
        ProducerBase = columns.Count;
        foreach (int p in Producers)
        {
            columns.Add(new(EntityKind.Producer, network.NodeIds[p], network.MaterialIds[network.OutputMaterial[p]], Metric.ProducedT));
            columns.Add(new(EntityKind.Producer, network.NodeIds[p], network.MaterialIds[network.OutputMaterial[p]], Metric.QuotaBindingDays));
        }

        var markets = network.Markets;
        MarketBase = columns.Count;
        for (int j = 0; j < markets.Count; j++)
        {
            foreach (var metric in MetricNames.MarketMetrics)
            {
                columns.Add(new(EntityKind.Market, markets.Names[j], network.MaterialIds[markets.Material[j]], metric));
            }
        }

        ForegoneBase = columns.Count;
        ForegoneSectorSlots = [.. Enumerable.Range(0, sectorMaterials.Length).Where(j => markets.Material.Contains(sectorMaterials[j] % m))];
        foreach (int j in ForegoneSectorSlots)
        {
            int sm = sectorMaterials[j];
            columns.Add(new(EntityKind.SectorDemandResponse, network.SectorNames[sm / m], network.MaterialIds[sm % m], Metric.DemandForegoneT));
        }

        CommonColumnCount = columns.Count;
        ControlBase = columns.Count;
        foreach (string control in scenario.ControlNames)
        {
            columns.Add(new(EntityKind.Control, control, "*", Metric.LicenceAppliedT));
            columns.Add(new(EntityKind.Control, control, "*", Metric.LicenceApprovedT));
            columns.Add(new(EntityKind.Control, control, "*", Metric.LicenceDeniedT));
        }

        Columns = columns;
        SourceColumns = [.. Enumerable.Range(0, columns.Count)];
        Detail = MetricDetail.All;
    }

    /// <summary>A layout of some of <paramref name="full"/>'s columns (in the same order), read from the kernel's row through <see cref="SourceColumns"/>.</summary>
    private MetricLayout(MetricLayout full, MetricDetail detail)
    {
        SourceColumns = [.. Enumerable.Range(0, full.Width).Where(c => detail.Keeps(full.Columns[c].Kind))];
        Columns = [.. SourceColumns.Select(c => full.Columns[c])];
        CommonColumnCount = SourceColumns.Count(c => c < full.CommonColumnCount);
        Detail = detail;
        _full = full;
        DemandSeries = full.DemandSeries;
        DemandHoldings = full.DemandHoldings;
        CoupledNodes = full.CoupledNodes;
        SectorMaterials = full.SectorMaterials;
        LaneCount = full.LaneCount;
        TransshipperLanes = full.TransshipperLanes;
        Producers = full.Producers;
        ForegoneSectorSlots = full.ForegoneSectorSlots;
        // Offsets into the kernel's row, which a selection never is: -1 so any use shows at once.
        CoupledBase = SectorBase = LaneBase = TransshipperBase = ProducerBase = ControlBase = MarketBase = ForegoneBase = -1;
        if (detail == MetricDetail.All)
        {
            (CoupledBase, SectorBase, LaneBase, TransshipperBase, ProducerBase, ControlBase, MarketBase, ForegoneBase) =
                (full.CoupledBase, full.SectorBase, full.LaneBase, full.TransshipperBase, full.ProducerBase, full.ControlBase, full.MarketBase, full.ForegoneBase);
        }
    }

    /// <summary>This layout's columns kept at <paramref name="detail"/>: itself for <see cref="MetricDetail.All"/>.</summary>
    public MetricLayout Select(MetricDetail detail) => detail == Detail ? this
        : Detail == MetricDetail.All ? new MetricLayout(this, detail)
        : throw new InvalidOperationException("select columns from a kernel's layout, not from a selection");

    /// <summary>The detail this layout keeps (<see cref="MetricDetail.All"/> for a kernel's layout).</summary>
    public MetricDetail Detail { get; }

    /// <summary>The kernel's layout this one selects from (itself when it keeps every column).</summary>
    internal MetricLayout Full => _full ?? this;

    private readonly MetricLayout? _full;

    /// <summary>For each column, its index in the kernel's row (the identity unless <see cref="Select"/> dropped columns).</summary>
    internal int[] SourceColumns { get; }

    /// <summary>Every column, in the order of a trial's row.</summary>
    public IReadOnlyList<MetricColumn> Columns { get; }

    /// <summary>Columns shared by every scenario of the network (all but the control columns).</summary>
    public int CommonColumnCount { get; }

    /// <summary>Width of a trial's row.</summary>
    public int Width => Columns.Count;

    /// <summary>Consumer id and material of each demand series (weekly cover and fill), in series order.</summary>
    public IReadOnlyList<(string Consumer, string Material)> DemandSeries { get; }

    internal int[] DemandHoldings { get; }

    internal int[] CoupledNodes { get; }

    internal int CoupledBase { get; }

    /// <summary><c>sector * MaterialCount + material</c> for every sector-material pair with demand.</summary>
    internal int[] SectorMaterials { get; }

    internal int SectorBase { get; }

    internal int LaneBase { get; }

    /// <summary>Lanes of the network (the monthly series hold their flows before the markets' prices).</summary>
    internal int LaneCount { get; }

    internal int TransshipperBase { get; }

    /// <summary>Per transshipper (in node order), the lanes it ships on.</summary>
    internal int[][] TransshipperLanes { get; }

    internal int[] Producers { get; }

    internal int ProducerBase { get; }

    internal int ControlBase { get; }

    /// <summary>Where the market columns start (five per market; none without markets).</summary>
    internal int MarketBase { get; }

    /// <summary>Where the sectors' demand-foregone columns start.</summary>
    internal int ForegoneBase { get; }

    /// <summary>The sector-material slots (indices into <see cref="SectorMaterials"/>) whose material is priced, in column order.</summary>
    internal int[] ForegoneSectorSlots { get; }

    /// <summary>
    /// Writes each transshipper's shipped and seized tonnes: the sums, in lane order, of its lanes' cells already in
    /// <paramref name="row"/>. Both kernels call this after their lane columns, so the totals agree to the bit.
    /// </summary>
    internal void WriteTransshipperTotals(Span<double> row)
    {
        for (int t = 0; t < TransshipperLanes.Length; t++)
        {
            double shipped = 0, seized = 0;
            foreach (int lane in TransshipperLanes[t])
            {
                shipped += row[LaneBase + (2 * lane)];
                seized += row[LaneBase + (2 * lane) + 1];
            }

            row[TransshipperBase + (2 * t)] = shipped;
            row[TransshipperBase + (2 * t) + 1] = seized;
        }
    }
}
