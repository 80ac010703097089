using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The state of a <see cref="TrialKernel{T}"/>'s block: every per-trial item is one <typeparamref name="T"/> (lane =
/// trial in block), one array per item, indexed by holding (<c>node * M + material</c>), arc, lane, node or slot.
/// Items that do not depend on the trial (which arcs a stockpile release feeds) stay scalar. Allocated once per
/// kernel, cleared per block.
/// </summary>
internal sealed class KernelScratch<T>
    where T : struct, ILanes<T>
{
    private static readonly T None = T.Create(-1.0);

    public KernelScratch(CompiledNetwork net, MetricLayout layout, int licenceCells, int controlCount, int eventCount)
    {
        int n = net.NodeCount, m = net.MaterialCount, o = net.OriginCount, a = net.ArcCount, h = n * m;
        int k = layout.DemandHoldings.Length, sectors = layout.SectorMaterials.Length;
        Values = new T[net.Parameters.Count];
        Stock = new T[h * o];
        OnOrder = new T[h];
        Backlog = new T[h];
        Outstanding = new T[a];
        // One spare item at the end of each: masked-off lanes of a scatter land there (BatchKernel.Scatter).
        Pipe = new T[(net.PipeRing * a * o) + 1];
        Licence = new T[licenceCells + 1];
        LicenceValidUntil = new T[a];
        LicenceValidExporter = new T[a];
        LaneUsed = new T[net.LaneCount];
        LaneCapacity = new T[net.LaneCount];
        LaneOpen = new T[net.LaneCount];
        NodeShipped = new T[n];
        BaseCapacity = new T[n];
        Capacity = new T[n];
        QuotaAnnual = new T[n];
        ProducedThisYear = new T[n];
        Leak = new T[n];
        Interdiction = new T[n];
        ReleaseRate = new T[n];
        ReleaseBelow = new T[n];
        ReleaseArcOn = new bool[a];
        MeanNeed = new T[h];
        DemandMultiplier = new T[h];
        DemandToday = new T[h];
        DemandRng = new RngLanes<T>[h];
        LeadRng = new RngLanes<T>[a];
        NextTransitSteps = new T[a];
        LicenceRng = new RngLanes<T>[a];
        InterdictionRng = new RngLanes<T>[a];
        OutageUntil = new T[eventCount];
        DisruptionRng = new RngLanes<T>[eventCount];
        UnmetRing = new T[k * net.Steps];
        RingHead = new T[k];
        Acc = new BlockAccumulators<T>(k);
        SectorAcc = new BlockAccumulators<T>(sectors);
        SectorUnmetToday = new T[sectors];
        SectorBacklog = new T[sectors];
        PlannedUnits = new T[n];
        ProducedUnits = new T[n];
        LaneShipped = new T[net.LaneCount];
        LaneSeized = new T[net.LaneCount];
        Produced = new T[n];
        QuotaBindingSteps = new T[n];
        MassInitial = new T[m];
        MassProduced = new T[m];
        MassConsumed = new T[m];
        MassSeized = new T[m];
        Share = new T[a];
        ControlApplied = new T[controlCount];
        ControlApproved = new T[controlCount];
        ControlDenied = new T[controlCount];
    }

    public T[] Values { get; }

    public T[] Stock { get; }

    public T[] OnOrder { get; }

    public T[] Backlog { get; }

    public T[] Outstanding { get; }

    /// <summary>
    /// In transit, <c>[(slot * ArcCount + arc) * O + origin]</c> as in the scalar kernel: a step's arrivals are
    /// contiguous. The last item is a spare no step reads.
    /// </summary>
    public T[] Pipe { get; }

    /// <summary>Licence applications by decision slot (<see cref="LicenceQueueLayout"/>); the last item is a spare.</summary>
    public T[] Licence { get; }

    public T[] LicenceValidUntil { get; }

    public T[] LicenceValidExporter { get; }

    public T[] LaneUsed { get; }

    public T[] LaneCapacity { get; }

    /// <summary>Lane masks: open in that trial.</summary>
    public T[] LaneOpen { get; }

    public T[] NodeShipped { get; }

    public T[] BaseCapacity { get; }

    public T[] Capacity { get; }

    public T[] QuotaAnnual { get; }

    public T[] ProducedThisYear { get; }

    public T[] Leak { get; }

    public T[] Interdiction { get; }

    public T[] ReleaseRate { get; }

    public T[] ReleaseBelow { get; }

    /// <summary>Set by the network and the active events only, so the same in every trial.</summary>
    public bool[] ReleaseArcOn { get; }

    public T[] MeanNeed { get; }

    public T[] DemandMultiplier { get; }

    public T[] DemandToday { get; }

    public RngLanes<T>[] DemandRng { get; }

    public RngLanes<T>[] LeadRng { get; }

    /// <summary>
    /// Per arc, the steps (lead time plus any transshipper delay, capped at the arc's pipeline length) each trial's
    /// next shipment on it will take, drawn one shipment ahead from <see cref="LeadRng"/> (set in
    /// <c>BatchKernel.Initialise</c>, redrawn after each use).
    /// </summary>
    public T[] NextTransitSteps { get; }

    public RngLanes<T>[] LicenceRng { get; }

    public RngLanes<T>[] InterdictionRng { get; }

    public T[] OutageUntil { get; }

    public RngLanes<T>[] DisruptionRng { get; }

    /// <summary>What each step still owes, <c>[step * slots + slot]</c> (a step's entries are contiguous); written every step before it is read, so never cleared.</summary>
    public T[] UnmetRing { get; }

    public T[] RingHead { get; }

    public BlockAccumulators<T> Acc { get; }

    public BlockAccumulators<T> SectorAcc { get; }

    /// <summary>Lane masks per sector-material: some consumer of it fell short today.</summary>
    public T[] SectorUnmetToday { get; }

    public T[] SectorBacklog { get; }

    public T[] PlannedUnits { get; }

    public T[] ProducedUnits { get; }

    public T[] LaneShipped { get; }

    public T[] LaneSeized { get; }

    public T[] Produced { get; }

    public T[] QuotaBindingSteps { get; }

    public T[] MassInitial { get; }

    public T[] MassProduced { get; }

    public T[] MassConsumed { get; }

    public T[] MassSeized { get; }

    public T[] Share { get; }

    public T[] ControlApplied { get; }

    public T[] ControlApproved { get; }

    public T[] ControlDenied { get; }

    public int CurrentYear { get; set; }

    /// <summary>Clears every per-trial quantity before a batch, as a block of new trials needs.</summary>
    public void Reset()
    {
        Array.Clear(Stock);
        Array.Clear(OnOrder);
        Array.Clear(Backlog);
        Array.Clear(Outstanding);
        Array.Clear(Pipe);
        Array.Clear(Licence);
        Array.Clear(LicenceValidUntil);
        Array.Fill(LicenceValidExporter, None);
        Array.Clear(ProducedThisYear);
        Array.Clear(RingHead);
        Array.Clear(PlannedUnits);
        Array.Clear(ProducedUnits);
        Array.Clear(LaneShipped);
        Array.Clear(LaneSeized);
        Array.Clear(Produced);
        Array.Clear(QuotaBindingSteps);
        Array.Clear(MassInitial);
        Array.Clear(MassProduced);
        Array.Clear(MassConsumed);
        Array.Clear(MassSeized);
        Array.Clear(ControlApplied);
        Array.Clear(ControlApproved);
        Array.Clear(ControlDenied);
        Acc.Clear();
        SectorAcc.Clear();
        Array.Clear(SectorBacklog);
        Array.Clear(SectorUnmetToday);
        CurrentYear = 0;
        Array.Fill(OutageUntil, None);
    }
}
