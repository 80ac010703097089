using System.Runtime.Intrinsics;
using SupplySim.Model;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace SupplySim.Simulation;

/// <summary>
/// <see cref="TrialScratch"/> for a batch of <see cref="Lanes.Width"/> trials: every per-trial item is one
/// vector (lane = trial in batch), same indices as the scalar scratch. Items that do not depend on the trial
/// (which arcs a stockpile release feeds) stay scalar.
/// </summary>
internal sealed class BatchScratch
{
    private static readonly V None = Vector512.Create(-1.0);

    public BatchScratch(CompiledNetwork net, MetricLayout layout, int licenceCells, int controlCount, int eventCount)
    {
        int n = net.NodeCount, m = net.MaterialCount, o = net.OriginCount, a = net.ArcCount, h = n * m;
        int k = layout.DemandHoldings.Length, sectors = layout.SectorMaterials.Length;
        Values = new V[net.Parameters.Count];
        Stock = new V[h * o];
        OnOrder = new V[h];
        Backlog = new V[h];
        Outstanding = new V[a];
        // One spare item at the end of each: masked-off lanes of a scatter land there (BatchKernel.Scatter).
        Pipe = new V[(net.PipeRing * a * o) + 1];
        Licence = new V[licenceCells + 1];
        LicenceValidUntil = new V[a];
        LicenceValidExporter = new V[a];
        LaneUsed = new V[net.LaneCount];
        LaneCapacity = new V[net.LaneCount];
        LaneOpen = new V[net.LaneCount];
        NodeShipped = new V[n];
        BaseCapacity = new V[n];
        Capacity = new V[n];
        QuotaAnnual = new V[n];
        ProducedThisYear = new V[n];
        Leak = new V[n];
        Interdiction = new V[n];
        ReleaseRate = new V[n];
        ReleaseBelow = new V[n];
        ReleaseArcOn = new bool[a];
        MeanNeed = new V[h];
        DemandMultiplier = new V[h];
        DemandToday = new V[h];
        DemandRng = new RngBatch[h];
        LeadRng = new RngBatch[a];
        NextTransitSteps = new V[a];
        LicenceRng = new RngBatch[a];
        InterdictionRng = new RngBatch[a];
        OutageUntil = new V[eventCount];
        DisruptionRng = new RngBatch[eventCount];
        UnmetRing = new V[k * net.Steps];
        RingHead = new V[k];
        Acc = new BatchAccumulators(k);
        SectorAcc = new BatchAccumulators(sectors);
        SectorUnmetToday = new V[sectors];
        SectorBacklog = new V[sectors];
        PlannedUnits = new V[n];
        ProducedUnits = new V[n];
        LaneShipped = new V[net.LaneCount];
        LaneSeized = new V[net.LaneCount];
        Produced = new V[n];
        QuotaBindingSteps = new V[n];
        MassInitial = new V[m];
        MassProduced = new V[m];
        MassConsumed = new V[m];
        MassSeized = new V[m];
        Share = new V[a];
        ControlApplied = new V[controlCount];
        ControlApproved = new V[controlCount];
        ControlDenied = new V[controlCount];
    }

    public V[] Values { get; }

    public V[] Stock { get; }

    public V[] OnOrder { get; }

    public V[] Backlog { get; }

    public V[] Outstanding { get; }

    /// <summary>
    /// In transit, <c>[(slot * ArcCount + arc) * O + origin]</c> as in the scalar kernel: a step's arrivals are
    /// contiguous. The last item is a spare no step reads.
    /// </summary>
    public V[] Pipe { get; }

    /// <summary>Licence applications by decision slot (<see cref="LicenceQueueLayout"/>); the last item is a spare.</summary>
    public V[] Licence { get; }

    public V[] LicenceValidUntil { get; }

    public V[] LicenceValidExporter { get; }

    public V[] LaneUsed { get; }

    public V[] LaneCapacity { get; }

    /// <summary>Lane masks: open in that trial.</summary>
    public V[] LaneOpen { get; }

    public V[] NodeShipped { get; }

    public V[] BaseCapacity { get; }

    public V[] Capacity { get; }

    public V[] QuotaAnnual { get; }

    public V[] ProducedThisYear { get; }

    public V[] Leak { get; }

    public V[] Interdiction { get; }

    public V[] ReleaseRate { get; }

    public V[] ReleaseBelow { get; }

    /// <summary>Set by the network and the active events only, so the same in every trial.</summary>
    public bool[] ReleaseArcOn { get; }

    public V[] MeanNeed { get; }

    public V[] DemandMultiplier { get; }

    public V[] DemandToday { get; }

    public RngBatch[] DemandRng { get; }

    public RngBatch[] LeadRng { get; }

    /// <summary>
    /// Per arc, the steps (lead time plus any transshipper delay, capped at the arc's pipeline length) each trial's
    /// next shipment on it will take, drawn one shipment ahead from <see cref="LeadRng"/> (set in
    /// <c>BatchKernel.Initialise</c>, redrawn after each use).
    /// </summary>
    public V[] NextTransitSteps { get; }

    public RngBatch[] LicenceRng { get; }

    public RngBatch[] InterdictionRng { get; }

    public V[] OutageUntil { get; }

    public RngBatch[] DisruptionRng { get; }

    /// <summary>What each step still owes, <c>[step * slots + slot]</c> (a step's entries are contiguous); written every step before it is read, so never cleared.</summary>
    public V[] UnmetRing { get; }

    public V[] RingHead { get; }

    public BatchAccumulators Acc { get; }

    public BatchAccumulators SectorAcc { get; }

    /// <summary>Lane masks per sector-material: some consumer of it fell short today.</summary>
    public V[] SectorUnmetToday { get; }

    public V[] SectorBacklog { get; }

    public V[] PlannedUnits { get; }

    public V[] ProducedUnits { get; }

    public V[] LaneShipped { get; }

    public V[] LaneSeized { get; }

    public V[] Produced { get; }

    public V[] QuotaBindingSteps { get; }

    public V[] MassInitial { get; }

    public V[] MassProduced { get; }

    public V[] MassConsumed { get; }

    public V[] MassSeized { get; }

    public V[] Share { get; }

    public V[] ControlApplied { get; }

    public V[] ControlApproved { get; }

    public V[] ControlDenied { get; }

    public int CurrentYear { get; set; }

    /// <summary>Clears every per-trial quantity before a batch, as <see cref="TrialScratch.Reset"/>.</summary>
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
