using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Every piece of per-trial state, allocated once per worker and cleared per trial, so the kernel allocates
/// nothing. Layout: holdings <c>h = node * M + material</c>; stock and pipelines carry an origin class
/// (<c>[h * O + origin]</c>); each arc's pipeline is a ring of <c>ArcPipeLength</c> slots indexed by arrival step.
/// </summary>
internal sealed class TrialScratch
{
    public TrialScratch(CompiledNetwork net, MetricLayout layout, int licenceCells, int controlCount)
    {
        int n = net.NodeCount, m = net.MaterialCount, o = net.OriginCount, a = net.ArcCount, h = n * m;
        int k = layout.DemandHoldings.Length;
        Values = new double[net.Parameters.Count];
        Stock = new double[h * o];
        OnOrder = new double[h];
        Backlog = new double[h];
        Outstanding = new double[a];
        Pipe = new double[net.PipeRing * a * o];
        Licence = new double[licenceCells];
        LicenceValidUntil = new int[a];
        LicenceValidExporter = new int[a];
        LaneUsed = new double[net.LaneCount];
        LaneCapacity = new double[net.LaneCount];
        LaneOpen = new bool[net.LaneCount];
        NodeShipped = new double[n];
        BaseCapacity = new double[n];
        Capacity = new double[n];
        QuotaAnnual = new double[n];
        ProducedThisYear = new double[n];
        Leak = new double[n];
        Interdiction = new double[n];
        ReleaseRate = new double[n];
        ReleaseBelow = new double[n];
        ReleaseArcOn = new bool[a];
        ReleaseLeft = new double[m];
        MeanNeed = new double[h];
        DemandMultiplier = new double[h];
        DemandToday = new double[h];
        DemandRng = new Rng[h];
        LeadRng = new Rng[a];
        LicenceRng = new Rng[a];
        InterdictionRng = new Rng[a];
        OutageUntil = new int[64];
        DisruptionRng = new Rng[64];
        UnmetRing = new double[k * net.Steps];
        RingHead = new int[k];
        HoldingSlot = new int[h];
        Array.Fill(HoldingSlot, -1);
        for (int slot = 0; slot < k; slot++)
        {
            HoldingSlot[layout.DemandHoldings[slot]] = slot;
        }

        Acc = new HoldingAccumulators(k);
        SectorAcc = new HoldingAccumulators(layout.SectorMaterials.Length);
        SectorUnmetToday = new bool[layout.SectorMaterials.Length];
        SectorBacklog = new double[layout.SectorMaterials.Length];
        SectorSlotOfHolding = new int[h];
        Array.Fill(SectorSlotOfHolding, -1);
        foreach (int holding in layout.DemandHoldings)
        {
            int sm = (net.NodeSector[holding / m] * m) + (holding % m);
            SectorSlotOfHolding[holding] = Array.IndexOf(layout.SectorMaterials, sm);
        }

        PlannedUnits = new double[n];
        ProducedUnits = new double[n];
        LaneShipped = new double[net.LaneCount];
        LaneSeized = new double[net.LaneCount];
        Produced = new double[n];
        QuotaBindingSteps = new int[n];
        MassInitial = new double[m];
        MassProduced = new double[m];
        MassConsumed = new double[m];
        MassSeized = new double[m];
        Share = new double[a];
        Parts = new double[o];
        ControlApplied = new double[controlCount];
        ControlApproved = new double[controlCount];
        ControlDenied = new double[controlCount];
    }

    /// <summary>Scratch for the origin split of one shipment.</summary>
    public double[] Parts { get; }

    public double[] ControlApplied { get; }

    public double[] ControlApproved { get; }

    public double[] ControlDenied { get; }


    public double[] Values { get; }

    public double[] Stock { get; }

    public double[] OnOrder { get; }

    public double[] Backlog { get; }

    public double[] Outstanding { get; }

    public double[] Pipe { get; }

    /// <summary>Pending licence applications, laid out by <see cref="LicenceQueueLayout"/>.</summary>
    public double[] Licence { get; }


    /// <summary>Per arc: first step a granted licence no longer covers (see <c>TrialKernel.Licences.cs</c>).</summary>
    public int[] LicenceValidUntil { get; }

    /// <summary>Per arc: exporter origin class of the control that granted the arc's licence, or -1 for none.</summary>
    public int[] LicenceValidExporter { get; }

    public double[] LaneUsed { get; }

    public double[] LaneCapacity { get; }

    public bool[] LaneOpen { get; }

    public double[] NodeShipped { get; }

    public double[] BaseCapacity { get; }

    public double[] Capacity { get; }

    public double[] QuotaAnnual { get; }

    public double[] ProducedThisYear { get; }

    public double[] Leak { get; }

    public double[] Interdiction { get; }

    public double[] ReleaseRate { get; }

    public double[] ReleaseBelow { get; }

    public bool[] ReleaseArcOn { get; }

    public double[] ReleaseLeft { get; }

    public double[] MeanNeed { get; }

    public double[] DemandMultiplier { get; }

    public double[] DemandToday { get; }

    public Rng[] DemandRng { get; }

    public Rng[] LeadRng { get; }

    public Rng[] LicenceRng { get; }

    public Rng[] InterdictionRng { get; }

    public int[] OutageUntil { get; private set; }

    public Rng[] DisruptionRng { get; private set; }

    public double[] UnmetRing { get; }

    public int[] RingHead { get; }

    public int[] HoldingSlot { get; }

    public HoldingAccumulators Acc { get; }

    public HoldingAccumulators SectorAcc { get; }

    public bool[] SectorUnmetToday { get; }

    public double[] SectorBacklog { get; }

    public int[] SectorSlotOfHolding { get; }

    public double[] PlannedUnits { get; }

    public double[] ProducedUnits { get; }

    public double[] LaneShipped { get; }

    public double[] LaneSeized { get; }

    public double[] Produced { get; }

    public int[] QuotaBindingSteps { get; }

    public double[] MassInitial { get; }

    public double[] MassProduced { get; }

    public double[] MassConsumed { get; }

    public double[] MassSeized { get; }

    /// <summary>Scratch for splitting an order across open arcs.</summary>
    public double[] Share { get; }

    public int CurrentYear { get; set; }

    /// <summary>Clears every per-trial quantity before a trial (parameters and base capacities are set by the kernel).</summary>
    public void Reset()
    {
        Array.Clear(Stock);
        Array.Clear(OnOrder);
        Array.Clear(Backlog);
        Array.Clear(Outstanding);
        Array.Clear(Pipe);
        Array.Clear(Licence);
        Array.Clear(LicenceValidUntil);
        Array.Fill(LicenceValidExporter, -1);
        Array.Clear(ProducedThisYear);
        Array.Clear(UnmetRing);
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
        CurrentYear = 0;
        Array.Fill(OutageUntil, -1);
    }

    public void EnsureEvents(int count)
    {
        if (OutageUntil.Length < count)
        {
            OutageUntil = new int[count];
            DisruptionRng = new Rng[count];
        }
    }
}
