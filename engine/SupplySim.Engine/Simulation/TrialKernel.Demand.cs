namespace SupplySim.Simulation;

/// <summary>Step 5: consumers draw demand, serve old backorders first (FIFO), then today's demand.</summary>
internal sealed partial class TrialKernel
{
    private void Consume(int step)
    {
        var holdings = _layout.DemandHoldings;
        for (int slot = 0; slot < holdings.Length; slot++)
        {
            int h = holdings[slot];
            int n = _nodeOf[h];
            double noise = 1 + (_s.Values[_net.DemandCvParam[n]] * InverseNormal.Cdf(_s.DemandRng[h].NextOpenDouble()));
            _s.DemandToday[h] = _s.MeanNeed[h] * _s.DemandMultiplier[h] * _stepDays * Math.Max(0, noise);
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
        int material = _materialOf[h];
        double demand = s.DemandToday[h];
        double available = TotalStock(h);
        double served = 0;
        int ringBase = slot * _net.Steps;
        int head = s.RingHead[slot];

        // Oldest backorders first: the ring holds what each past step still owes; head is the oldest debt.
        while (head < step && available - served > HoldingAccumulators.Tolerance)
        {
            double owed = s.UnmetRing[ringBase + head];
            double pay = Math.Min(owed, available - served);
            served += pay;
            s.UnmetRing[ringBase + head] = owed - pay;
            if (owed - pay > HoldingAccumulators.Tolerance)
            {
                break;
            }

            head++;
        }

        s.Backlog[h] = Math.Max(0, s.Backlog[h] - served);
        double metToday = Math.Min(demand, available - served);
        double unmet = demand - metToday;
        served += metToday;
        if (unmet > HoldingAccumulators.Tolerance && !_net.LostSales[_nodeOf[h]])
        {
            s.UnmetRing[ringBase + step] = unmet;
            s.Backlog[h] += unmet;
        }

        while (head <= step && s.UnmetRing[ringBase + head] <= HoldingAccumulators.Tolerance)
        {
            head++;
        }

        s.RingHead[slot] = head;
        TakeStock(h, served, available, s.Parts);
        if (_weeks > 0)
        {
            RecordWeek(slot, h, step, demand, metToday);
        }

        s.MassConsumed[material] += served;
        int oldestAge = s.Backlog[h] > HoldingAccumulators.Tolerance ? step - head + 1 : 0;
        s.Acc.Record(slot, step, _scenario.FirstEventStep, demand, unmet, s.Backlog[h], oldestAge);
        int sector = s.SectorSlotOfHolding[h];
        s.SectorAcc.Demand[sector] += demand;
        s.SectorAcc.Shortage[sector] += unmet;
        s.SectorUnmetToday[sector] |= unmet > HoldingAccumulators.Tolerance;
        s.SectorBacklog[sector] += s.Backlog[h];
        s.SectorAcc.MaxDelaySteps[sector] = Math.Max(s.SectorAcc.MaxDelaySteps[sector], oldestAge);
    }

    /// <summary>
    /// A coupled consumer makes units that each need its whole bill of materials; the scarcest input bounds output.
    /// Each material's shortage is what its own stock could not cover; unmade output is lost, not backordered.
    /// </summary>
    private void ConsumeCoupled(int n, int step)
    {
        var s = _s;
        double possible = 1.0;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            if (_net.DemandParam[h] >= 0 && s.DemandToday[h] > 0)
            {
                possible = Math.Min(possible, TotalStock(h) / s.DemandToday[h]);
            }
        }

        double planned = 0, made = 0;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            if (_net.DemandParam[h] < 0)
            {
                continue;
            }

            int slot = s.HoldingSlot[h];
            double demand = s.DemandToday[h];
            double available = TotalStock(h);
            double unmet = Math.Max(0, demand - available);
            double use = demand * possible;
            TakeStock(h, use, available, s.Parts);
            s.MassConsumed[_materialOf[h]] += use;
            if (_weeks > 0)
            {
                RecordWeek(slot, h, step, demand, demand - unmet);
            }

            planned += s.MeanNeed[h] > 0 ? demand / s.MeanNeed[h] : 0;
            made += s.MeanNeed[h] > 0 ? use / s.MeanNeed[h] : 0;
            s.Acc.Record(slot, step, _scenario.FirstEventStep, demand, unmet, 0, 0);
            int sector = s.SectorSlotOfHolding[h];
            s.SectorAcc.Demand[sector] += demand;
            s.SectorAcc.Shortage[sector] += unmet;
            s.SectorUnmetToday[sector] |= unmet > HoldingAccumulators.Tolerance;
        }

        s.PlannedUnits[n] += planned;
        s.ProducedUnits[n] += made;
    }

    /// <summary>Adds one step to the weekly series of a demand slot: end-of-day cover in days, demand and met tonnes.</summary>
    private void RecordWeek(int slot, int h, int step, double demand, double met)
    {
        int week = (int)(step * _stepDays / 7);
        int cell = (slot * _weeks) + week;
        double mean = _s.MeanNeed[h];
        _weekly[cell * 2] += (mean > 0 ? TotalStock(h) / mean : 0) * _stepDays;
        _weekly[(cell * 2) + 1] += met;
        _weekDemand[cell] += demand;
    }

    /// <summary>Turns the weekly sums into mean cover (days) and fill rate, in the caller's buffer.</summary>
    private void FinishWeeklySeries(Span<double> output)
    {
        for (int cell = 0; cell < _weekDemand.Length; cell++)
        {
            int week = cell % _weeks;
            double daysInWeek = Math.Min(7.0, (_net.Steps * _stepDays) - (week * 7.0));
            output[cell * 2] = _weekly[cell * 2] / daysInWeek;
            output[(cell * 2) + 1] = _weekDemand[cell] > 0 ? Math.Min(1.0, _weekly[(cell * 2) + 1] / _weekDemand[cell]) : 1.0;
        }
    }

    /// <summary>Sector-level stockout days, delay and recovery need every consumer's step recorded first.</summary>
    private void RecordSectors(int step)
    {
        var s = _s;
        var acc = s.SectorAcc;
        for (int j = 0; j < s.SectorUnmetToday.Length; j++)
        {
            bool unmet = s.SectorUnmetToday[j];
            acc.BacklogSum[j] += s.SectorBacklog[j];
            if (unmet)
            {
                acc.StockoutSteps[j]++;
                if (acc.FirstShortStep[j] < 0 && step >= _scenario.FirstEventStep)
                {
                    acc.FirstShortStep[j] = step;
                }
            }

            if (acc.FirstShortStep[j] >= 0 && acc.RecoverStep[j] < 0 && step > acc.FirstShortStep[j] && !unmet &&
                s.SectorBacklog[j] <= HoldingAccumulators.Tolerance)
            {
                acc.RecoverStep[j] = step;
            }

            s.SectorUnmetToday[j] = false;
            s.SectorBacklog[j] = 0;
        }
    }
}
