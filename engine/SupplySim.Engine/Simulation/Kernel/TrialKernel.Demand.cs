using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>Step 5 for a block: demand draws, backorders first (FIFO, per trial), then today's demand.</summary>
internal sealed partial class TrialKernel<T, TMask>
{
    private void Consume(int step)
    {
        var s = _s;
        var holdings = _layout.DemandHoldings;
        int noiseNode = -1;
        var noise = T.One;
        for (int slot = 0; slot < holdings.Length; slot++)
        {
            int h = holdings[slot];
            int n = _nodeOf[h];

            // A coupled consumer's demand is units of its bill of materials: one draw of units a step, from its
            // first material's stream, scales every material alike. Holdings of a node are consecutive.
            if (n != noiseNode || !_net.Coupled[n])
            {
                noise = T.One + (s.Values[_net.DemandCvParam[n]] * InverseNormal.Cdf<T, TMask>(s.DemandRng[h].NextOpenDouble(True)));
                noiseNode = n;
            }

            var demand = s.MeanNeed[h] * s.DemandMultiplier[h] * _stepDays * Max(T.Zero, noise);
            s.DemandToday[h] = _marketHoldings.Length > 0 ? PricedDemand(h, demand) : demand;
        }

        for (int c = 0; c < _layout.CoupledNodes.Length; c++)
        {
            ConsumeCoupled(_layout.CoupledNodes[c], step);
        }

        for (int slot = 0; slot < holdings.Length; slot++)
        {
            int h = holdings[slot];
            if (!_net.Coupled[_nodeOf[h]])
            {
                ConsumeSingle(h, slot, step);
            }
        }
    }

    private void ConsumeSingle(int h, int slot, int step)
    {
        var s = _s;
        var ring = s.UnmetQueue(slot);
        int mask = ring.Length - 1;
        var demand = s.DemandToday[h];
        var available = TotalStock(h);
        var served = T.Zero;
        var head = s.RingHead[slot];
        var stepValue = T.Create(step);

        // Trials still owing for past steps pay their oldest debts first; the queue's shape differs by trial.
        var owing = Lt(head, stepValue);
        for (uint bits = Bits(owing); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            double laneAvailable = T.GetElement(available, lane), laneServed = 0;
            int laneHead = (int)T.GetElement(head, lane);
            while (laneHead < step && laneAvailable - laneServed > ShortageMetrics.Tolerance)
            {
                ref double owed = ref At(ring, laneHead & mask, lane);
                double pay = Math.Min(owed, laneAvailable - laneServed);
                laneServed += pay;
                double left = owed - pay;
                owed = left;
                if (left > ShortageMetrics.Tolerance)
                {
                    break;
                }

                laneHead++;
            }

            served = T.WithElement(served, lane, laneServed);
            head = T.WithElement(head, lane, laneHead);
        }

        s.Backlog[h] = Max(T.Zero, s.Backlog[h] - served);
        var metToday = Min(demand, available - served);
        var unmet = demand - metToday;
        served += metToday;
        var shortToday = Gt(unmet, Tolerance);
        bool backorders = !_net.LostSales[_nodeOf[h]];

        // Today's entry must not land on an unpaid older one: the queue doubles when a trial's oldest debt is as old as it is long.
        if (Any(Le(head, T.Create(step - ring.Length))))
        {
            int oldest = step;
            for (int lane = 0; lane < T.Count; lane++)
            {
                oldest = Math.Min(oldest, (int)T.GetElement(head, lane));
            }

            s.GrowUnmetQueue(slot, step - oldest + 1, step);
            ring = s.UnmetQueue(slot);
            mask = ring.Length - 1;
        }

        // Every step writes its entry (zero when nothing is owed), so the queue is never cleared between blocks.
        var owedToday = backorders ? Where(shortToday, unmet, T.Zero) : T.Zero;
        ring[step & mask] = owedToday;
        if (backorders)
        {
            s.Backlog[h] = AddWhere(shortToday, s.Backlog[h], unmet);
        }

        // Advance past settled debts: in one vector for trials whose queue starts today, per trial otherwise.
        var startsToday = Eq(head, stepValue);
        // Today's entry as computed, not read back: on a large network its line is not in cache yet, and a vector
        // load does not take a vector store's value on its way (it waits for the line).
        head = Where(And(startsToday, Le(owedToday, Tolerance)), T.Create(step + 1.0), head);
        for (uint bits = Bits(Lt(head, stepValue)); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            int laneHead = (int)T.GetElement(head, lane);
            while (laneHead <= step && At(ring, laneHead & mask, lane) <= ShortageMetrics.Tolerance)
            {
                laneHead++;
            }

            head = T.WithElement(head, lane, laneHead);
        }

        s.RingHead[slot] = head;
        TakeStock(h, served, available, True);
        if (_weeks > 0)
        {
            RecordWeek(slot, h, step, demand, metToday);
        }

        int material = _materialOf[h];
        s.MassConsumed[material] += served;
        var backlog = s.Backlog[h];
        var oldestAge = Where(Gt(backlog, Tolerance), stepValue - head + T.One, T.Zero);
        s.Acc.Record(slot, step, _scenario.FirstEventStep, demand, unmet, backlog, oldestAge);
        int sector = _sectorSlotOfHolding[h];
        var acc = s.SectorAcc;
        acc.Demand[sector] += demand;
        acc.Shortage[sector] += unmet;
        s.SectorUnmetToday[sector] = Or(s.SectorUnmetToday[sector], shortToday);
        s.SectorBacklog[sector] += backlog;
        acc.MaxDelaySteps[sector] = Max(acc.MaxDelaySteps[sector], oldestAge);
    }

    /// <summary>
    /// A coupled consumer makes units that each need its whole bill of materials; the scarcest input bounds output.
    /// Each material's shortage is what its own stock could not cover; unmade output is lost, not backordered.
    /// </summary>
    private void ConsumeCoupled(int n, int step)
    {
        var s = _s;
        var possible = T.One;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            if (_net.DemandParam[h] >= 0)
            {
                var demand = s.DemandToday[h];
                possible = Where(Gt(demand, T.Zero), Min(possible, TotalStock(h) / demand), possible);
            }
        }

        T planned = T.Zero, made = T.Zero;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            if (_net.DemandParam[h] < 0)
            {
                continue;
            }

            int slot = _holdingSlot[h];
            var demand = s.DemandToday[h];
            var available = TotalStock(h);
            var unmet = Max(T.Zero, demand - available);
            var use = demand * possible;
            TakeStock(h, use, available, True);
            s.MassConsumed[_materialOf[h]] += use;
            if (_weeks > 0)
            {
                RecordWeek(slot, h, step, demand, demand - unmet);
            }

            var mean = s.MeanNeed[h];
            var needs = Gt(mean, T.Zero);
            planned += Where(needs, demand / mean, T.Zero);
            made += Where(needs, use / mean, T.Zero);
            s.Acc.Record(slot, step, _scenario.FirstEventStep, demand, unmet, T.Zero, T.Zero);
            int sector = _sectorSlotOfHolding[h];
            s.SectorAcc.Demand[sector] += demand;
            s.SectorAcc.Shortage[sector] += unmet;
            s.SectorUnmetToday[sector] = Or(s.SectorUnmetToday[sector], Gt(unmet, Tolerance));
        }

        s.PlannedUnits[n] += planned;
        s.ProducedUnits[n] += made;
    }

    /// <summary>Sector-level stockout days, delay and recovery, once every consumer's step is recorded.</summary>
    private void RecordSectors(int step)
    {
        var s = _s;
        var acc = s.SectorAcc;
        var unmetToday = s.SectorUnmetToday;
        var backlogToday = s.SectorBacklog;
        var backlogSum = acc.BacklogSum;
        var stockoutSteps = acc.StockoutSteps;
        var firstShortStep = acc.FirstShortStep;
        var episodeStartStep = acc.EpisodeStartStep;
        var recoverStep = acc.RecoverStep;
        var stepValue = T.Create(step);
        bool counts = step >= _scenario.FirstEventStep;
        for (int j = 0; j < unmetToday.Length; j++)
        {
            var unmet = unmetToday[j];
            var backlog = backlogToday[j];
            backlogSum[j] += backlog;
            stockoutSteps[j] = AddWhere(unmet, stockoutSteps[j], T.One);
            if (counts)
            {
                var first = firstShortStep[j];
                firstShortStep[j] = Where(And(unmet, Lt(first, T.Zero)), stepValue, first);
            }

            var episode = Where(And(unmet, Lt(episodeStartStep[j], T.Zero)), stepValue, episodeStartStep[j]);
            episodeStartStep[j] = episode;
            var recovered = AndNot(And(And(And(Ge(episode, T.Zero), Lt(recoverStep[j], T.Zero)), Lt(episode, stepValue)), Le(backlog, Tolerance)), unmet);
            recoverStep[j] = Where(recovered, stepValue, recoverStep[j]);
            unmetToday[j] = None;
            backlogToday[j] = T.Zero;
        }
    }
}
