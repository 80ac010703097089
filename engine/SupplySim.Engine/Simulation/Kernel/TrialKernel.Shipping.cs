using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SupplySim.Model;
using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>
/// Steps 7-8 for a block: allocation to orders or push by share, export controls per origin part, the lead-time
/// pipeline and the licence queue (scattered per trial, since each trial's draw picks its own slot), and releases.
/// </summary>
internal sealed partial class TrialKernel<T, TMask>
{
    private int _step;

    /// <summary>Shipments queued for the pipeline this step (<see cref="QueueArrival"/>): element indices and amounts, per lane.</summary>
    private readonly AlignedArray<long> _arrivalAt = new(ArrivalQueueLength);
    private readonly AlignedArray<double> _arrivalAmounts = new(ArrivalQueueLength);
    private int _queuedArrivals;

    /// <summary>Lanes of queued shipments before the queue lands early: 32 KB of indices and amounts, in L1 and L2.</summary>
    private const int ArrivalQueueLength = 2048;

    /// <summary>Per-lane element indices and amounts of the current scatter.</summary>
    private readonly AlignedArray<long> _scatterAt = new(T.Count);
    private readonly AlignedArray<double> _scatterAmounts = new(T.Count);

    private void Ship(int step)
    {
        var outstanding = _s.Outstanding;
        var outStart = _net.OutStart;
        var outArcs = _net.OutArcs;
        var groupEnd = _net.OutGroupEnd;
        var isPush = _net.IsPush;
        var kind = _net.NodeKind;
        foreach (int h in _supplierHoldings)
        {
            int first = outStart[h], last = outStart[h + 1];
            int n = _nodeOf[h];
            if (isPush[n])
            {
                Push(h, first, last, step);
                continue;
            }

            var forwardRoom = kind[n] == NodeKind.Transshipper ? (ForwardingCapacity(n, _materialOf[h]) * _stepDays) - _s.NodeShipped[n] : PositiveInfinity;
            int groupStart = first;
            for (int i = first; i < last; i++)
            {
                if (!groupEnd[i])
                {
                    continue;
                }

                var requested = T.Zero;
                for (int j = groupStart; j <= i; j++)
                {
                    requested += outstanding[outArcs[j]];
                }

                var available = Min(TotalStock(h), forwardRoom);
                var ships = And(Gt(requested, Tolerance), Gt(available, Tolerance));
                if (Any(ships))
                {
                    var fraction = Min(T.One, available / requested);
                    for (int j = groupStart; j <= i; j++)
                    {
                        int a = outArcs[j];
                        var amount = LaneLimit(a, outstanding[a] * fraction, ships);
                        var sends = And(ships, Gt(amount, Tolerance));
                        if (Any(sends))
                        {
                            outstanding[a] = Where(sends, outstanding[a] - amount, outstanding[a]);
                            forwardRoom = Where(sends, forwardRoom - amount, forwardRoom);
                            Dispatch(a, h, amount, step, sends);
                        }
                    }
                }

                groupStart = i + 1;
            }
        }
    }

    /// <summary>A push supplier sends all its stock along open lanes by share; what lanes cannot take waits.</summary>
    private void Push(int h, int first, int last, int step)
    {
        var s = _s;
        var stock = TotalStock(h);
        var pushes = Gt(stock, Tolerance);
        if (!Any(pushes))
        {
            return;
        }

        var openShare = T.Zero;
        for (int i = first; i < last; i++)
        {
            int a = _net.OutArcs[i];
            s.Share[a] = Where(Gt(LaneOutlook(a, out _), T.Zero), T.Create(_net.ArcShare[a]), T.Zero);
            openShare += s.Share[a];
        }

        pushes = And(pushes, Gt(openShare, T.Zero));
        if (!Any(pushes))
        {
            return;
        }

        for (int i = first; i < last; i++)
        {
            int a = _net.OutArcs[i];
            var amount = LaneLimit(a, stock * s.Share[a] / openShare, pushes);
            var sends = And(pushes, Gt(amount, Tolerance));
            if (Any(sends))
            {
                int buyer = _buyerOfArc[a];
                s.OnOrder[buyer] = AddWhere(sends, s.OnOrder[buyer], amount);
                Dispatch(a, h, amount, step, sends);
            }
        }
    }

    /// <summary>A transshipper's forwarding rate for <paramref name="material"/> today: its capacity, times the price-driven smuggling factor.</summary>
    private T ForwardingCapacity(int n, int material) =>
        _market.SmugglingFactor.Length > 0 ? _s.Capacity[n] * _market.SmugglingFactor[material] : _s.Capacity[n];

    /// <summary>A transshipper's leak fraction for <paramref name="material"/> today (the smuggling factor applied, at most 1).</summary>
    private T LeakFraction(int n, int material) =>
        _market.SmugglingFactor.Length > 0 ? Min(T.One, _s.Leak[n] * _market.SmugglingFactor[material]) : _s.Leak[n];

    /// <summary>What of <paramref name="amount"/> the arc's lane can still carry today, booked in the lanes of <paramref name="mask"/>.</summary>
    private T LaneLimit(int a, T amount, TMask mask)
    {
        int lane = _arcLane[a];
        if (lane < 0)
        {
            return amount;
        }

        var room = Max(T.Zero, _s.LaneCapacity[lane] - _s.LaneUsed[lane]);
        var shipped = Min(amount, room);
        _s.LaneUsed[lane] = AddWhere(mask, _s.LaneUsed[lane], shipped);
        return shipped;
    }

    /// <summary>Takes a shipment from the supplier's stock and applies any export control to each origin part.</summary>
    /// <remarks>Inlined into its callers (as <see cref="CancelOrdered"/> and <see cref="MergeTinyOrigins"/>): as calls they spill every live vector around them.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Dispatch(int a, int supplier, T amount, int step, TMask mask)
    {
        var s = _s;
        var stock = s.Stock;
        int o = _o;
        int from = _net.ArcFrom[a];
        s.NodeShipped[from] = AddWhere(mask, s.NodeShipped[from], amount);
        int at = supplier * o;
        var total = TotalStock(supplier);
        var fraction = Where(Gt(total, T.Zero), Min(T.One, amount / total), T.Zero);
        int[]? gate = _scenario.Gate?.Cells;
        int gateAt = gate is null ? 0 : _scenario.Gate!.StepBase(step) + (a * o);
        for (int origin = 0; origin < o; origin++)
        {
            var held = stock[at + origin];
            var part = held * fraction;
            // A part of at most the tolerance stays in stock: rounding leaves such residues (the stock minus a
            // fraction just under 1 of itself), and shipping one would spend a lead-time draw on nothing.
            var moves = AndNot(mask, Le(part, Tolerance));
            if (!Any(moves))
            {
                continue;
            }

            stock[at + origin] = Where(moves, held - part, held);
            int k = gate is null ? -1 : gate[gateAt + origin];
            if (k < 0)
            {
                Transit(a, part, origin, step, moves);
            }
            else if (!_fromTransshipper[a])
            {
                if (_scenario.ControlIsBan[k])
                {
                    stock[at + origin] = AddWhere(moves, stock[at + origin], part);
                    CancelOrdered(a, part, moves);
                }
                else
                {
                    QueueLicence(a, k, part, origin, step, moves);
                }
            }
            else
            {
                DispatchControlledReexport(a, k, supplier, part, origin, step, moves);
            }
        }

        if (_receivesShipments[supplier])
        {
            MergeTinyOrigins(at, mask);
        }
    }

    /// <summary>Controlled-origin material leaving a transshipper: the leaked part slips through (or is seized), the rest is gated.</summary>
    private void DispatchControlledReexport(int a, int k, int supplier, T part, int origin, int step, TMask mask)
    {
        var s = _s;
        int from = _net.ArcFrom[a];
        var leaked = _scenario.ControlExtraterritorial[k] ? part * LeakFraction(from, _net.ArcMaterial[a]) : part;
        var held = part - leaked;
        var leaks = And(mask, Gt(leaked, T.Zero));
        if (Any(leaks))
        {
            var interdiction = s.Interdiction[from];
            var watched = And(leaks, Gt(interdiction, T.Zero));
            var seized = None;
            if (Any(watched))
            {
                seized = And(watched, Lt(s.InterdictionRng[a].NextDouble(watched), interdiction));
            }

            if (Any(seized))
            {
                int lane = _net.ArcLane[a], material = _net.ArcMaterial[a];
                s.LaneSeized[lane] = AddWhere(seized, s.LaneSeized[lane], leaked);
                s.MassSeized[material] = AddWhere(seized, s.MassSeized[material], leaked);
                CancelOrdered(a, leaked, seized);
            }

            var passes = AndNot(leaks, seized);
            if (Any(passes))
            {
                Transit(a, leaked, origin, step, passes);
            }
        }

        var gated = AndNot(mask, Le(held, T.Zero));
        if (!Any(gated))
        {
            return;
        }

        if (_scenario.ControlIsBan[k])
        {
            int at = (supplier * _o) + origin;
            s.Stock[at] = AddWhere(gated, s.Stock[at], held);
            CancelOrdered(a, held, gated);
        }
        else
        {
            QueueLicence(a, k, held, origin, step, gated);
        }
    }

    private void QueueLicence(int a, int k, T amount, int origin, int step, TMask mask)
    {
        var valid = And(mask, HoldsValidLicence(a, k, step));
        if (Any(valid))
        {
            Transit(a, amount, origin, step, valid);
        }

        var applies = AndNot(mask, valid);
        if (!Any(applies))
        {
            return;
        }

        var s = _s;
        var queue = _licences;
        int ring = queue.Ring, controls = queue.ControlStart[a + 1] - queue.ControlStart[a];
        // A control gates one origin, its exporter's, so a cell needs no origin of its own.
        System.Diagnostics.Debug.Assert(origin == _scenario.ControlExporter[k], "a control queues only its exporter's material");
        int cell = queue.Base[a] + queue.LocalIndex[(k * _arcs) + a];
        var wait = _processingTimes.DrawSteps(k, ref s.LicenceRng[a], applies);
        // Whole steps (never NaN or -0), so the one-instruction minimum equals Math.Min here.
        Scatter(s.Licence, RingSlot(step & (ring - 1), Min(wait, T.Create(ring - 1)), ring), controls, cell, amount, applies);
        s.ControlApplied[k] = AddWhere(applies, s.ControlApplied[k], amount);
    }

    /// <summary>
    /// Puts each trial's shipment on the lane's pipeline at its own drawn lead time (plus any transshipper delay).
    /// The steps were drawn one shipment ahead (<see cref="KernelScratch{T, TMask}.NextTransitSteps"/>); the lanes that ship
    /// draw their next ones now. Each trial consumes its lead-time stream in the order of the reference kernel (one draw per shipment),
    /// but the scatter no longer waits on this draw's ~100-cycle chain of dependent operations (square root,
    /// rounding), which overlaps with the scatter instead: ~7% of a <c>combined</c> block (bench/HISTORY.md, sixth session).
    /// </summary>
    private void Transit(int a, T amount, int origin, int step, TMask mask)
    {
        var s = _s;
        var ahead = s.NextTransitSteps[a];
        var pipeline = _pipeline;
        int local = pipeline.Slot[(a * _o) + origin];
        System.Diagnostics.Debug.Assert(local >= 0, "an arc ships only origins its supplier can hold");
        QueueArrival(RingSlot(_ringToday[_arcRingClass[a]], ahead, _arcPipeMaxSteps[a] + 1), pipeline.Width(a), pipeline.Cell[a] + local, amount, mask);
        s.NextTransitSteps[a] = Where(mask, DrawTransitSteps(a, mask), ahead);
        int laneIndex = _arcLane[a];
        if (laneIndex >= 0)
        {
            s.LaneShipped[laneIndex] = AddWhere(mask, s.LaneShipped[laneIndex], amount);
            if (_monthlyLanes > 0)
            {
                RecordMonthlyFlow(laneIndex, step, amount, mask);
            }
        }
    }

    /// <summary>
    /// Queues each trial's part of a shipment for its pipeline slot, as <see cref="Scatter"/> would add it; the queue
    /// is added to the pipeline in order at the end of the step (<see cref="LandQueuedArrivals"/>), or when full.
    /// </summary>
    /// <remarks>
    /// Why a queue: on a large network each of these additions misses the cache (every trial's part lands on its own
    /// line of the arc's ring, and a block's rings outgrow the caches), and inside <see cref="Ship"/>'s branches the
    /// processor overlaps only a few such misses; in one tight loop it overlaps many. Nothing reads the pipeline
    /// between a shipment and the step's end (arrivals are taken at the start of a step; a stockpile release, which
    /// reads its buyer's releases on the way, lands the queue first), and the additions land in the order they were
    /// made, so every double gets the same sums in the same order: the same bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void QueueArrival(T slot, int stride, int cell, T amount, TMask mask)
    {
        if (_queuedArrivals > ArrivalQueueLength - T.Count)
        {
            LandQueuedArrivals();
        }

        var element = (slot * T.Create((double)stride * T.Count)) + (T.Create((double)cell * T.Count) + T.Indices);
        T.CopyIndicesTo(Where(mask, element, T.Create((double)(_s.Pipe.Length - 1) * T.Count)), _arrivalAt.Span.Slice(_queuedArrivals, T.Count));
        T.CopyTo(amount, _arrivalAmounts.Span.Slice(_queuedArrivals, T.Count));
        _queuedArrivals += T.Count;
    }

    /// <summary>Adds the queued shipments to the pipeline, in the order they were queued (<see cref="QueueArrival"/>).</summary>
    private void LandQueuedArrivals()
    {
        ref double first = ref FirstDouble(_s.Pipe);
        var at = _arrivalAt.Span[.._queuedArrivals];
        var amounts = _arrivalAmounts.Span[..at.Length];
        for (int i = 0; i < at.Length; i++)
        {
            Unsafe.Add(ref first, (nint)at[i]) += amounts[i];
        }

        _queuedArrivals = 0;
    }

    /// <summary>
    /// Steps of a shipment on arc <paramref name="a"/> in the lanes of <paramref name="mask"/>: lead time, then any
    /// transshipper delay, from the arc's lead-time stream; capped at the arc's pipeline length, as it lands.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T DrawTransitSteps(int a, TMask mask)
    {
        ref var rng = ref _s.LeadRng[a];
        var steps = _leadTimes.DrawSteps(a, ref rng, mask);
        if (_arcDelayParam[a] >= 0)
        {
            // The delay draw follows the lead-time draw on the same stream, in each trial.
            steps += _delays.DrawSteps(a, ref rng, mask);
        }

        return Min(steps, T.Create(_arcPipeMaxSteps[a]));
    }

    /// <summary>
    /// Adds lane <c>l</c> of <paramref name="amount"/> to lane <c>l</c> of <c>items[slot[l] * stride + cell]</c> for the lanes of
    /// <paramref name="mask"/>: each trial's part lands in its own slot. No hardware scatter in .NET, so one plain
    /// read-modify-write per lane, always all of them (no data-dependent branch): lanes outside the mask go to the
    /// spare item at the end of <paramref name="items"/>, which nothing reads. Distinct active lanes never touch the
    /// same double (each writes its own lane of an item).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Scatter(Span<T> items, T slot, int stride, int cell, T amount, TMask mask)
    {
        // Index arithmetic in doubles (exact below 2^53): a 64-bit integer multiply is three times slower.
        var element = (slot * T.Create((double)stride * T.Count)) + (T.Create((double)cell * T.Count) + T.Indices);
        // Staged through two small arrays: a local whose lanes were read by address would live on the stack.
        T.CopyIndicesTo(Where(mask, element, T.Create((double)(items.Length - 1) * T.Count)), _scatterAt.Span);
        T.CopyTo(amount, _scatterAmounts.Span);
        ref double first = ref FirstDouble(items);
        ref long at = ref MemoryMarshal.GetReference(_scatterAt.Span);
        ref double amounts = ref MemoryMarshal.GetReference(_scatterAmounts.Span);
        // Unrolled by hand (the JIT keeps a loop of eight): T.Count is a constant, so each width keeps only its lanes.
        AddAt(ref first, ref at, ref amounts, 0);
        if (T.Count > 1)
        {
            AddAt(ref first, ref at, ref amounts, 1);
        }

        if (T.Count > 2)
        {
            AddAt(ref first, ref at, ref amounts, 2);
            AddAt(ref first, ref at, ref amounts, 3);
        }

        if (T.Count > 4)
        {
            AddAt(ref first, ref at, ref amounts, 4);
            AddAt(ref first, ref at, ref amounts, 5);
            AddAt(ref first, ref at, ref amounts, 6);
            AddAt(ref first, ref at, ref amounts, 7);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddAt(ref double first, ref long at, ref double amounts, int lane) =>
        Unsafe.Add(ref first, (nint)Unsafe.Add(ref at, lane)) += Unsafe.Add(ref amounts, lane);

    /// <summary>(<paramref name="today"/> + <paramref name="ahead"/>) mod <paramref name="ring"/>, for today's slot <paramref name="today"/> and 0 ≤ ahead &lt; ring.</summary>
    private static T RingSlot(int today, T ahead, int ring)
    {
        var slot = T.Create(today) + ahead;
        return Where(Ge(slot, T.Create(ring)), slot - T.Create(ring), slot);
    }

    /// <summary>
    /// The cover a release rule judges a consumer by: its stock on hand less what it owes, plus what stockpiles have
    /// released to it and not yet delivered (else a release would repeat every step of its lead time). Orders from
    /// suppliers do not count: stuck in a licence queue they may never come, which is when a reserve is for.
    /// </summary>
    private T ReleaseCover(int buyer)
    {
        // Today's shipments wait in the arrivals queue until the step ends; a release judged now must see those of
        // other stockpiles to this buyer. Landing them early keeps their order, so every sum keeps its bits.
        LandQueuedArrivals();
        var s = _s;
        var cover = TotalStock(buyer) - s.Backlog[buyer];
        var releaseArcs = _net.ReleaseArcs;
        for (int i = 0; i < releaseArcs.Length; i++)
        {
            int a = releaseArcs[i];
            if (_buyerOfArc[a] != buyer)
            {
                continue;
            }

            for (int cell = _pipeline.Cell[a]; cell < _pipeline.Cell[a + 1]; cell++)
            {
                cover += s.Pipe[cell];
            }

            for (int cell = _licences.Base[a]; cell < _licences.Base[a + 1]; cell++)
            {
                cover += s.Licence[cell];
            }
        }

        return cover;
    }

    /// <summary>
    /// Stockpiles top up consumers whose cover (<see cref="ReleaseCover"/>) fell below the rule's threshold, within
    /// the release rate.
    /// </summary>
    private void ReleaseStockpiles(int step)
    {
        var s = _s;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (_net.NodeKind[n] != NodeKind.Stockpile)
            {
                continue;
            }

            var releasing = Gt(s.ReleaseRate[n], T.Zero);
            if (!Any(releasing))
            {
                continue;
            }

            for (int h = n * _m; h < (n + 1) * _m; h++)
            {
                var left = s.ReleaseRate[n] * _stepDays;
                for (int i = _net.ReleaseStart[h]; i < _net.ReleaseStart[h + 1]; i++)
                {
                    var active = And(releasing, Gt(left, Tolerance));
                    if (!Any(active))
                    {
                        break;
                    }

                    int a = _net.ReleaseArcs[i];
                    if (!s.ReleaseArcOn[a])
                    {
                        continue;
                    }

                    int buyer = _buyerOfArc[a];
                    var mean = s.MeanNeed[buyer] * s.DemandMultiplier[buyer];
                    var below = Where(Eq(s.ReleaseBelow[n], s.ReleaseBelow[n]), s.ReleaseBelow[n], T.Create(_net.CoverDays[_net.ArcTo[a]]));
                    var position = ReleaseCover(buyer);
                    var target = below * mean;
                    var belowTarget = AndNot(active, Ge(position, target));
                    if (!Any(belowTarget))
                    {
                        continue;
                    }

                    var amount = Min(Min(target - position, left), TotalStock(h));
                    var sends = And(belowTarget, Gt(amount, Tolerance));
                    if (Any(sends))
                    {
                        left = Where(sends, left - amount, left);
                        s.OnOrder[buyer] = AddWhere(sends, s.OnOrder[buyer], amount);
                        Dispatch(a, h, amount, step, sends);
                    }
                }
            }
        }
    }
}
