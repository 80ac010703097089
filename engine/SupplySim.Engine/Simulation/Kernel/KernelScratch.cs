using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The state of a <see cref="TrialKernel{T, TMask}"/>'s block: every per-trial item is one <typeparamref name="T"/> (lane =
/// trial in block), one array per item, indexed by holding (<c>node * M + material</c>), arc, lane, node or slot.
/// Items that do not depend on the trial (which arcs a stockpile release feeds) stay scalar. Allocated once per
/// kernel, cleared per block.
/// </summary>
internal sealed class KernelScratch<T, TMask>
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    /// <summary>No exporter / no outage yet: -1, never a valid index or step.</summary>
    private static readonly T Unset = T.Create(-1.0);

    private readonly AlignedArray<T> _values;
    private readonly AlignedArray<T> _stock;
    private readonly AlignedArray<T> _onOrder;
    private readonly AlignedArray<T> _backlog;
    private readonly AlignedArray<T> _outstanding;
    private readonly AlignedArray<T> _pipe;
    private readonly AlignedArray<T> _licence;
    private readonly AlignedArray<T> _licenceValidUntil;
    private readonly AlignedArray<T> _licenceValidExporter;
    private readonly AlignedArray<T> _laneUsed;
    private readonly AlignedArray<T> _laneCapacity;
    private readonly AlignedArray<TMask> _laneOpen;
    private readonly AlignedArray<T> _nodeShipped;
    private readonly AlignedArray<T> _baseCapacity;
    private readonly AlignedArray<T> _plannedCapacity;
    private readonly AlignedArray<T> _capacity;
    private readonly AlignedArray<T> _quotaAnnual;
    private readonly AlignedArray<T> _producedThisYear;
    private readonly AlignedArray<T> _leak;
    private readonly AlignedArray<T> _interdiction;
    private readonly AlignedArray<T> _releaseRate;
    private readonly AlignedArray<T> _releaseBelow;
    private readonly AlignedArray<T> _meanNeed;
    private readonly AlignedArray<T> _demandMultiplier;
    private readonly AlignedArray<T> _demandToday;
    private readonly AlignedArray<T> _nextTransitSteps;
    private readonly AlignedArray<T> _outageUntil;
    // The random streams start on cache lines too: a plain array of them starts 16 bytes into its object, so every
    // load and store of a 64-byte state vector was split across two lines (loop, shipped file: ~3-8% per trial).
    private readonly AlignedArray<RngLanes<T, TMask>> _demandRng;
    private readonly AlignedArray<RngLanes<T, TMask>> _leadRng;
    private readonly AlignedArray<RngLanes<T, TMask>> _licenceRng;
    private readonly AlignedArray<RngLanes<T, TMask>> _interdictionRng;
    private readonly AlignedArray<RngLanes<T, TMask>> _disruptionRng;
    /// <summary>Steps each demand slot's queue holds at first; it doubles when a backlog grows older (<see cref="UnmetQueue"/>).</summary>
    public const int FirstQueueSteps = 16;

    private readonly AlignedArray<T>[] _unmetQueues;
    private readonly AlignedArray<T> _ringHead;
    private readonly AlignedArray<TMask> _sectorUnmetToday;
    private readonly AlignedArray<T> _sectorBacklog;
    private readonly AlignedArray<T> _plannedUnits;
    private readonly AlignedArray<T> _producedUnits;
    private readonly AlignedArray<T> _laneShipped;
    private readonly AlignedArray<T> _laneSeized;
    private readonly AlignedArray<T> _produced;
    private readonly AlignedArray<T> _quotaBindingSteps;
    private readonly AlignedArray<T> _massInitial;
    private readonly AlignedArray<T> _massProduced;
    private readonly AlignedArray<T> _massConsumed;
    private readonly AlignedArray<T> _massSeized;
    private readonly AlignedArray<T> _share;
    private readonly AlignedArray<T> _controlApplied;
    private readonly AlignedArray<T> _controlApproved;
    private readonly AlignedArray<T> _controlDenied;

    /// <summary>
    /// Bytes the constructor below allocates for these sizes (its arrays, item by item; headers and alignment padding
    /// aside): what a run's memory check counts per kernel. A test holds it to the measured allocation.
    /// </summary>
    public static long BytesFor(CompiledNetwork net, MetricLayout layout, int licenceCells, int controlCount, int eventCount) =>
        SharedBytesFor(net, layout) + ScenarioBytesFor(licenceCells, controlCount, eventCount);

    /// <summary>The part of <see cref="BytesFor"/> that scratches built with <c>share</c> hold once between them.</summary>
    public static long SharedBytesFor(CompiledNetwork net, MetricLayout layout)
    {
        long n = net.NodeCount, m = net.MaterialCount, o = net.OriginCount, a = net.ArcCount, h = n * m, lanes = net.LaneCount;
        long k = layout.DemandHoldings.Length, sectors = layout.SectorMaterials.Length;
        long items = net.Parameters.Count + (h * o) + (5 * h) + (5 * a) + (14 * n) + (4 * lanes) + (k * FirstQueueSteps) + (8 * k) +
                     (8 * sectors) + (4 * m) + (net.Pipeline.Cell[^1] + 1);
        long masks = lanes + sectors, streams = h + (3 * a);
        return (items * Unsafe.SizeOf<T>()) + (masks * Unsafe.SizeOf<TMask>()) + (streams * Unsafe.SizeOf<RngLanes<T, TMask>>()) + a;
    }

    /// <summary>The part of <see cref="BytesFor"/> each scenario's scratch holds on its own.</summary>
    public static long ScenarioBytesFor(int licenceCells, int controlCount, int eventCount) =>
        ((3L * controlCount) + eventCount + (licenceCells + 1L)) * Unsafe.SizeOf<T>() + (eventCount * (long)Unsafe.SizeOf<RngLanes<T, TMask>>());

    /// <param name="net">The network.</param>
    /// <param name="layout">The scenario's (kernel) layout.</param>
    /// <param name="licenceCells">Licence-queue cells of the scenario.</param>
    /// <param name="controlCount">Export controls of the scenario.</param>
    /// <param name="eventCount">Events of the scenario.</param>
    /// <param name="share">
    /// Another scenario's scratch of the same network whose network-sized state this one uses too (only the
    /// scenario's licence queue, control totals and outages are its own), or null. Kernels sharing state must run their
    /// blocks one after another, never at once: a streamed worker runs every scenario of a block in turn, and keeping
    /// one copy of the state instead of one per scenario is most of its memory on a large network.
    /// </param>
    public KernelScratch(CompiledNetwork net, MetricLayout layout, int licenceCells, int controlCount, int eventCount, KernelScratch<T, TMask>? share = null)
    {
        int n = net.NodeCount, m = net.MaterialCount, o = net.OriginCount, a = net.ArcCount, h = n * m;
        int k = layout.DemandHoldings.Length, sectors = layout.SectorMaterials.Length;
        _values = share?._values ?? new AlignedArray<T>(net.Parameters.Count);
        _stock = share?._stock ?? new AlignedArray<T>(h * o);
        _onOrder = share?._onOrder ?? new AlignedArray<T>(h);
        _backlog = share?._backlog ?? new AlignedArray<T>(h);
        _outstanding = share?._outstanding ?? new AlignedArray<T>(a);
        // One spare item at the end of each: masked-off lanes of a scatter land there (TrialKernel.Scatter).
        _pipe = share?._pipe ?? new AlignedArray<T>(net.Pipeline.Cell[a] + 1);
        _licence = new AlignedArray<T>(licenceCells + 1);
        _licenceValidUntil = share?._licenceValidUntil ?? new AlignedArray<T>(a);
        _licenceValidExporter = share?._licenceValidExporter ?? new AlignedArray<T>(a);
        _laneUsed = share?._laneUsed ?? new AlignedArray<T>(net.LaneCount);
        _laneCapacity = share?._laneCapacity ?? new AlignedArray<T>(net.LaneCount);
        _laneOpen = share?._laneOpen ?? new AlignedArray<TMask>(net.LaneCount);
        _nodeShipped = share?._nodeShipped ?? new AlignedArray<T>(n);
        _baseCapacity = share?._baseCapacity ?? new AlignedArray<T>(n);
        _plannedCapacity = share?._plannedCapacity ?? new AlignedArray<T>(n);
        _capacity = share?._capacity ?? new AlignedArray<T>(n);
        _quotaAnnual = share?._quotaAnnual ?? new AlignedArray<T>(n);
        _producedThisYear = share?._producedThisYear ?? new AlignedArray<T>(n);
        _leak = share?._leak ?? new AlignedArray<T>(n);
        _interdiction = share?._interdiction ?? new AlignedArray<T>(n);
        _releaseRate = share?._releaseRate ?? new AlignedArray<T>(n);
        _releaseBelow = share?._releaseBelow ?? new AlignedArray<T>(n);
        ReleaseArcOn = share?.ReleaseArcOn ?? new bool[a];
        _meanNeed = share?._meanNeed ?? new AlignedArray<T>(h);
        _demandMultiplier = share?._demandMultiplier ?? new AlignedArray<T>(h);
        _demandToday = share?._demandToday ?? new AlignedArray<T>(h);
        _demandRng = share?._demandRng ?? new AlignedArray<RngLanes<T, TMask>>(h);
        _leadRng = share?._leadRng ?? new AlignedArray<RngLanes<T, TMask>>(a);
        _nextTransitSteps = share?._nextTransitSteps ?? new AlignedArray<T>(a);
        _licenceRng = share?._licenceRng ?? new AlignedArray<RngLanes<T, TMask>>(a);
        _interdictionRng = share?._interdictionRng ?? new AlignedArray<RngLanes<T, TMask>>(a);
        _outageUntil = new AlignedArray<T>(eventCount);
        _disruptionRng = new AlignedArray<RngLanes<T, TMask>>(eventCount);
        _unmetQueues = share?._unmetQueues ?? NewQueues(k);

        _ringHead = share?._ringHead ?? new AlignedArray<T>(k);
        Acc = share?.Acc ?? new BlockAccumulators<T, TMask>(k);
        SectorAcc = share?.SectorAcc ?? new BlockAccumulators<T, TMask>(sectors);
        _sectorUnmetToday = share?._sectorUnmetToday ?? new AlignedArray<TMask>(sectors);
        _sectorBacklog = share?._sectorBacklog ?? new AlignedArray<T>(sectors);
        _plannedUnits = share?._plannedUnits ?? new AlignedArray<T>(n);
        _producedUnits = share?._producedUnits ?? new AlignedArray<T>(n);
        _laneShipped = share?._laneShipped ?? new AlignedArray<T>(net.LaneCount);
        _laneSeized = share?._laneSeized ?? new AlignedArray<T>(net.LaneCount);
        _produced = share?._produced ?? new AlignedArray<T>(n);
        _quotaBindingSteps = share?._quotaBindingSteps ?? new AlignedArray<T>(n);
        _massInitial = share?._massInitial ?? new AlignedArray<T>(m);
        _massProduced = share?._massProduced ?? new AlignedArray<T>(m);
        _massConsumed = share?._massConsumed ?? new AlignedArray<T>(m);
        _massSeized = share?._massSeized ?? new AlignedArray<T>(m);
        _share = share?._share ?? new AlignedArray<T>(a);
        _controlApplied = new AlignedArray<T>(controlCount);
        _controlApproved = new AlignedArray<T>(controlCount);
        _controlDenied = new AlignedArray<T>(controlCount);
    }

    public Span<T> Values => _values.Span;

    public Span<T> Stock => _stock.Span;

    public Span<T> OnOrder => _onOrder.Span;

    public Span<T> Backlog => _backlog.Span;

    public Span<T> Outstanding => _outstanding.Span;

    /// <summary>
    /// In transit: per arc a ring of steps, per step a cell for each origin the arc can carry (<see cref="PipelineLayout"/>).
    /// The last item is a spare no step reads (masked-off lanes of a shipment land there).
    /// </summary>
    public Span<T> Pipe => _pipe.Span;

    /// <summary>Licence applications by decision slot (<see cref="LicenceQueueLayout"/>); the last item is a spare.</summary>
    public Span<T> Licence => _licence.Span;

    public Span<T> LicenceValidUntil => _licenceValidUntil.Span;

    public Span<T> LicenceValidExporter => _licenceValidExporter.Span;

    public Span<T> LaneUsed => _laneUsed.Span;

    public Span<T> LaneCapacity => _laneCapacity.Span;

    /// <summary>Lane masks: open in that trial.</summary>
    public Span<TMask> LaneOpen => _laneOpen.Span;

    public Span<T> NodeShipped => _nodeShipped.Span;

    public Span<T> BaseCapacity => _baseCapacity.Span;

    /// <summary>Capacity after today's capacity changes, before outages: what a plant plans its inputs and stock on.</summary>
    public Span<T> PlannedCapacity => _plannedCapacity.Span;

    public Span<T> Capacity => _capacity.Span;

    public Span<T> QuotaAnnual => _quotaAnnual.Span;

    public Span<T> ProducedThisYear => _producedThisYear.Span;

    public Span<T> Leak => _leak.Span;

    public Span<T> Interdiction => _interdiction.Span;

    public Span<T> ReleaseRate => _releaseRate.Span;

    public Span<T> ReleaseBelow => _releaseBelow.Span;

    /// <summary>Set by the network and the active events only, so the same in every trial.</summary>
    public bool[] ReleaseArcOn { get; }

    public Span<T> MeanNeed => _meanNeed.Span;

    public Span<T> DemandMultiplier => _demandMultiplier.Span;

    public Span<T> DemandToday => _demandToday.Span;

    public Span<RngLanes<T, TMask>> DemandRng => _demandRng.Span;

    public Span<RngLanes<T, TMask>> LeadRng => _leadRng.Span;

    /// <summary>
    /// Per arc, the steps (lead time plus any transshipper delay, capped at the arc's pipeline length) each trial's
    /// next shipment on it will take, drawn one shipment ahead from <see cref="LeadRng"/> (set in
    /// <c>TrialKernel.Initialise</c>, redrawn after each use).
    /// </summary>
    public Span<T> NextTransitSteps => _nextTransitSteps.Span;

    public Span<RngLanes<T, TMask>> LicenceRng => _licenceRng.Span;

    public Span<RngLanes<T, TMask>> InterdictionRng => _interdictionRng.Span;

    public Span<T> OutageUntil => _outageUntil.Span;

    public Span<RngLanes<T, TMask>> DisruptionRng => _disruptionRng.Span;

    private static AlignedArray<T>[] NewQueues(int slots)
    {
        var queues = new AlignedArray<T>[slots];
        for (int slot = 0; slot < slots; slot++)
        {
            queues[slot] = new AlignedArray<T>(FirstQueueSteps);
        }

        return queues;
    }

    /// <summary>
    /// What each step still owes a demand slot, at <c>[step &amp; (length − 1)]</c> of the slot's queue (a power of two):
    /// the steps from the oldest unpaid one (per lane) to today. Written every step before it is read, so never
    /// cleared. Sized by the longest backlog seen, not the run: a queue per slot and step cost 312 MB per kernel on a
    /// 20,000-lane network (docs/large-networks.md).
    /// </summary>
    public Span<T> UnmetQueue(int slot) => _unmetQueues[slot].Span;

    /// <summary>
    /// Makes <paramref name="slot"/>'s queue hold at least <paramref name="steps"/> consecutive steps ending at
    /// <paramref name="step"/>, keeping the entries of the steps before it. Grows only; kept for later blocks.
    /// </summary>
    public void GrowUnmetQueue(int slot, int steps, int step)
    {
        var old = _unmetQueues[slot];
        int length = old.Length;
        if (steps <= length)
        {
            return;
        }

        int grown = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)steps * 2);
        var queue = new AlignedArray<T>(grown);
        var from = old.Span;
        var to = queue.Span;
        for (int s = Math.Max(0, step - length); s < step; s++)
        {
            to[s & (grown - 1)] = from[s & (length - 1)];
        }

        _unmetQueues[slot] = queue;
    }

    public Span<T> RingHead => _ringHead.Span;

    public BlockAccumulators<T, TMask> Acc { get; }

    public BlockAccumulators<T, TMask> SectorAcc { get; }

    /// <summary>Lane masks per sector-material: some consumer of it fell short today.</summary>
    public Span<TMask> SectorUnmetToday => _sectorUnmetToday.Span;

    public Span<T> SectorBacklog => _sectorBacklog.Span;

    public Span<T> PlannedUnits => _plannedUnits.Span;

    public Span<T> ProducedUnits => _producedUnits.Span;

    public Span<T> LaneShipped => _laneShipped.Span;

    public Span<T> LaneSeized => _laneSeized.Span;

    public Span<T> Produced => _produced.Span;

    public Span<T> QuotaBindingSteps => _quotaBindingSteps.Span;

    public Span<T> MassInitial => _massInitial.Span;

    public Span<T> MassProduced => _massProduced.Span;

    public Span<T> MassConsumed => _massConsumed.Span;

    public Span<T> MassSeized => _massSeized.Span;

    public Span<T> Share => _share.Span;

    public Span<T> ControlApplied => _controlApplied.Span;

    public Span<T> ControlApproved => _controlApproved.Span;

    public Span<T> ControlDenied => _controlDenied.Span;

    public int CurrentYear { get; set; }

    /// <summary>Clears every per-trial quantity before a block of new trials.</summary>
    public void Reset()
    {
        Stock.Clear();
        OnOrder.Clear();
        Backlog.Clear();
        Outstanding.Clear();
        Pipe.Clear();
        Licence.Clear();
        LicenceValidUntil.Clear();
        LicenceValidExporter.Fill(Unset);
        ProducedThisYear.Clear();
        RingHead.Clear();
        PlannedUnits.Clear();
        ProducedUnits.Clear();
        LaneShipped.Clear();
        LaneSeized.Clear();
        Produced.Clear();
        QuotaBindingSteps.Clear();
        MassInitial.Clear();
        MassProduced.Clear();
        MassConsumed.Clear();
        MassSeized.Clear();
        ControlApplied.Clear();
        ControlApproved.Clear();
        ControlDenied.Clear();
        Acc.Clear();
        SectorAcc.Clear();
        SectorBacklog.Clear();
        SectorUnmetToday.Clear();
        CurrentYear = 0;
        OutageUntil.Fill(Unset);
    }
}
