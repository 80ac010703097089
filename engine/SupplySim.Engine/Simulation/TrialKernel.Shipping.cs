using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Step 7: suppliers allocate stock to orders (priority groups, pro rata within a group) or push output by share;
/// export controls gate each shipment by origin; shipments enter the lead-time pipeline. Step 8: stockpile releases.
/// </summary>
internal sealed partial class TrialKernel
{
    private int _step;

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

            // Only transshippers have a forwarding capacity; a producer's capacity limits what it makes, not ships.
            double forwardRoom = kind[n] == NodeKind.Transshipper ? (_s.Capacity[n] * _stepDays) - _s.NodeShipped[n] : double.PositiveInfinity;
            int groupStart = first;
            for (int i = first; i < last; i++)
            {
                if (!groupEnd[i])
                {
                    continue;
                }

                double requested = 0;
                for (int j = groupStart; j <= i; j++)
                {
                    requested += outstanding[outArcs[j]];
                }

                double available = Math.Min(TotalStock(h), forwardRoom);
                if (requested > HoldingAccumulators.Tolerance && available > HoldingAccumulators.Tolerance)
                {
                    double fraction = Math.Min(1.0, available / requested);
                    for (int j = groupStart; j <= i; j++)
                    {
                        int a = outArcs[j];
                        double amount = LaneLimit(a, outstanding[a] * fraction);
                        if (amount > HoldingAccumulators.Tolerance)
                        {
                            outstanding[a] -= amount;
                            forwardRoom -= amount;
                            Dispatch(a, h, amount, step);
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
        double stock = TotalStock(h);
        if (stock <= HoldingAccumulators.Tolerance)
        {
            return;
        }

        double openShare = 0;
        for (int i = first; i < last; i++)
        {
            int a = _net.OutArcs[i];
            s.Share[a] = LaneOutlook(a, out _) > 0 ? _net.ArcShare[a] : 0;
            openShare += s.Share[a];
        }

        if (openShare <= 0)
        {
            return;
        }

        for (int i = first; i < last; i++)
        {
            int a = _net.OutArcs[i];
            double amount = LaneLimit(a, stock * s.Share[a] / openShare);
            if (amount > HoldingAccumulators.Tolerance)
            {
                s.OnOrder[_buyerOfArc[a]] += amount;
                Dispatch(a, h, amount, step);
            }
        }
    }

    private double LaneLimit(int a, double amount)
    {
        int lane = _arcLane[a];
        if (lane < 0)
        {
            return amount;
        }

        double room = Math.Max(0, _s.LaneCapacity[lane] - _s.LaneUsed[lane]);
        double shipped = Math.Min(amount, room);
        _s.LaneUsed[lane] += shipped;
        return shipped;
    }

    /// <summary>Takes a shipment from the supplier's stock and applies any export control to each origin part.</summary>
    private void Dispatch(int a, int supplier, double amount, int step)
    {
        var s = _s;
        var stock = s.Stock;
        int o = _o;
        s.NodeShipped[_arcFrom[a]] += amount;
        int at = supplier * o;
        double total = 0;
        for (int origin = 0; origin < o; origin++)
        {
            total += stock[at + origin];
        }

        double fraction = total > 0 ? Math.Min(1.0, amount / total) : 0;
        int[]? gate = _scenario.Gate;
        int gateAt = gate is null ? 0 : ((step * _arcs) + a) * o;
        for (int origin = 0; origin < o; origin++)
        {
            double part = stock[at + origin] * fraction;
            if (part <= 0)
            {
                continue;
            }

            stock[at + origin] -= part;
            int k = gate is null ? -1 : gate[gateAt + origin];
            if (k < 0)
            {
                Transit(a, part, origin, step);
            }
            else if (!_fromTransshipper[a])
            {
                if (_scenario.ControlIsBan[k])
                {
                    stock[at + origin] += part;
                    CancelOrdered(a, part);
                }
                else
                {
                    QueueLicence(a, k, part, origin, step);
                }
            }
            else
            {
                DispatchControlledReexport(a, k, supplier, part, origin, step);
            }
        }

        if (_receivesShipments[supplier])
        {
            MergeTinyOrigins(at);
        }
    }

    /// <summary>
    /// Controlled-origin material leaving a transshipper for a controlled destination: if the control reaches
    /// re-exports, the leaked part slips through (and may be seized) while the rest is treated as a direct export;
    /// otherwise all of it ships, and may be seized.
    /// </summary>
    private void DispatchControlledReexport(int a, int k, int supplier, double part, int origin, int step)
    {
        var s = _s;
        int from = _net.ArcFrom[a];
        double leaked = _scenario.ControlExtraterritorial[k] ? part * s.Leak[from] : part;
        double held = part - leaked;
        if (leaked > 0)
        {
            if (s.Interdiction[from] > 0 && s.InterdictionRng[a].NextDouble() < s.Interdiction[from])
            {
                s.LaneSeized[_net.ArcLane[a]] += leaked;
                s.MassSeized[_net.ArcMaterial[a]] += leaked;
                CancelOrdered(a, leaked);
            }
            else
            {
                Transit(a, leaked, origin, step);
            }
        }

        if (held <= 0)
        {
            return;
        }

        if (_scenario.ControlIsBan[k])
        {
            s.Stock[(supplier * _o) + origin] += held;
            CancelOrdered(a, held);
        }
        else
        {
            QueueLicence(a, k, held, origin, step);
        }
    }

    private void QueueLicence(int a, int k, double amount, int origin, int step)
    {
        if (HoldsValidLicence(a, k, step))
        {
            Transit(a, amount, origin, step);
            return;
        }

        var s = _s;
        var queue = _licences;
        int ring = queue.Ring, controls = queue.ControlStart[a + 1] - queue.ControlStart[a];
        int wait = Math.Min(_processingTimes.DrawSteps(k, ref s.LicenceRng[a]), ring - 1);
        int slot = (step + wait) & (ring - 1);
        s.Licence[queue.Base[a] + ((((slot * controls) + queue.LocalIndex[(k * _arcs) + a]) * _o) + origin)] += amount;
        s.ControlApplied[k] += amount;
    }

    /// <summary>Puts a shipment on the lane's pipeline; it arrives after a drawn lead time (plus any transshipper delay).</summary>
    private void Transit(int a, double amount, int origin, int step)
    {
        var s = _s;
        ref var rng = ref s.LeadRng[a];
        int steps = _leadTimes.DrawSteps(a, ref rng);
        int delayParam = _arcDelayParam[a];
        if (delayParam >= 0)
        {
            steps += Sampler.DrawSteps(_params, delayParam, ref rng, _stepDays);
        }

        steps = Math.Min(steps, _arcPipeMaxSteps[a]);
        s.Pipe[(((((step + steps) & _pipeMask) * _arcs) + a) * _o) + origin] += amount;
        int lane = _arcLane[a];
        if (lane >= 0)
        {
            s.LaneShipped[lane] += amount;
            if (_months > 0)
            {
                _laneMonthly[(lane * _months) + _net.MonthOfStep[step]] += amount;
            }
        }
    }

    /// <summary>Stockpiles top up consumers whose cover fell below the rule's threshold, within the release rate.</summary>
    private void ReleaseStockpiles(int step)
    {
        var s = _s;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (_net.NodeKind[n] != NodeKind.Stockpile || !(s.ReleaseRate[n] > 0))
            {
                continue;
            }

            for (int h = n * _m; h < (n + 1) * _m; h++)
            {
                double left = s.ReleaseRate[n] * _stepDays;
                for (int i = _net.ReleaseStart[h]; i < _net.ReleaseStart[h + 1] && left > HoldingAccumulators.Tolerance; i++)
                {
                    int a = _net.ReleaseArcs[i];
                    if (!s.ReleaseArcOn[a])
                    {
                        continue;
                    }

                    int buyer = _buyerOfArc[a];
                    double mean = s.MeanNeed[buyer] * s.DemandMultiplier[buyer];
                    double below = double.IsNaN(s.ReleaseBelow[n]) ? _net.CoverDays[_net.ArcTo[a]] : s.ReleaseBelow[n];
                    double position = TotalStock(buyer) + s.OnOrder[buyer] - s.Backlog[buyer];
                    if (position >= below * mean)
                    {
                        continue;
                    }

                    double amount = Math.Min(Math.Min((below * mean) - position, left), TotalStock(h));
                    if (amount > HoldingAccumulators.Tolerance)
                    {
                        left -= amount;
                        s.OnOrder[buyer] += amount;
                        Dispatch(a, h, amount, step);
                    }
                }
            }
        }
    }
}
