using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>
/// Step 7: suppliers serve orders (priority groups, pro rata within a group) or push their output; export controls
/// gate each origin part of a shipment. Step 8: stockpiles release.
/// </summary>
internal sealed partial class ReferenceKernel
{
    private void Ship(int step)
    {
        for (int h = 0; h < _net.NodeCount * _materials; h++)
        {
            var arcs = SalesArcs(h);
            if (arcs.Count == 0)
            {
                continue;
            }

            if (_net.IsPush[NodeOf(h)])
            {
                Push(h, arcs, step);
            }
            else
            {
                ServeOrders(h, arcs, step);
            }
        }
    }

    /// <summary>
    /// Buyers of equal priority form a group; each group in turn gets the same fraction of what it asked for, up to
    /// the stock (and, for a transshipper, what is left of its forwarding capacity today).
    /// </summary>
    private void ServeOrders(int h, List<int> arcs, int step)
    {
        int n = NodeOf(h);
        foreach (var group in arcs.GroupBy(a => _net.Priority[_net.ArcTo[a]]))
        {
            double requested = 0;
            foreach (int a in group)
            {
                requested += _outstanding[a];
            }

            double available = Math.Min(TotalStock(h), ForwardingRoom(n, MaterialOf(h)));
            if (requested <= Tolerance || available <= Tolerance)
            {
                continue;
            }

            double fraction = Math.Min(1.0, available / requested);
            foreach (int a in group)
            {
                double amount = TakeLaneRoom(a, _outstanding[a] * fraction);
                if (amount > Tolerance)
                {
                    _outstanding[a] -= amount;
                    Dispatch(a, amount, step);
                }
            }
        }
    }

    /// <summary>Only transshippers have a forwarding capacity; a producer's capacity limits what it makes, not ships.</summary>
    private double ForwardingRoom(int n, int material) =>
        KindOf(n) == NodeKind.Transshipper ? (_capacity[n] * SmugglingMultiplier(material) * _stepDays) - _shippedToday[n] : double.PositiveInfinity;

    /// <summary>A push supplier sends all its stock along its open lanes by share; what the lanes cannot take waits.</summary>
    private void Push(int h, List<int> arcs, int step)
    {
        double stock = TotalStock(h);
        if (stock <= Tolerance)
        {
            return;
        }

        var share = arcs.ToDictionary(a => a, a => LaneOutlook(a, out _) > 0 ? _net.ArcShare[a] : 0);
        double openShare = 0;
        foreach (int a in arcs)
        {
            openShare += share[a];
        }

        if (openShare <= 0)
        {
            return;
        }

        foreach (int a in arcs)
        {
            double amount = TakeLaneRoom(a, stock * share[a] / openShare);
            if (amount > Tolerance)
            {
                _onOrder[BuyerOf(a)] += amount;
                Dispatch(a, amount, step);
            }
        }
    }

    /// <summary>What of <paramref name="amount"/> the arc's lane can still carry today; that room is taken.</summary>
    private double TakeLaneRoom(int arc, double amount)
    {
        int lane = _net.ArcLane[arc];
        if (lane < 0)
        {
            return amount;
        }

        double room = Math.Max(0, _laneCapacity[lane] - _laneUsedToday[lane]);
        double taken = Math.Min(amount, room);
        _laneUsedToday[lane] += taken;
        return taken;
    }

    /// <summary>
    /// Takes a shipment from the supplier's stock pro rata by origin. Each origin part the control of the day does
    /// not cover goes into transit. A covered part leaving its own country is refused (ban: back to stock, order
    /// cancelled) or queued for a licence; a covered part leaving a transshipper is a re-export.
    /// </summary>
    private void Dispatch(int arc, double amount, int step)
    {
        int supplier = SupplierOf(arc), from = _net.ArcFrom[arc];
        _shippedToday[from] += amount;
        double total = TotalStock(supplier);
        double fraction = total > 0 ? Math.Min(1.0, amount / total) : 0;
        for (int origin = 0; origin < _origins; origin++)
        {
            double part = _stock[supplier][origin] * fraction;
            if (part <= Tolerance)
            {
                continue;
            }

            _stock[supplier][origin] -= part;
            int control = ControlOn(arc, origin);
            if (control < 0)
            {
                Transit(arc, part, origin, step);
            }
            else if (KindOf(from) == NodeKind.Transshipper)
            {
                ReExport(arc, control, part, origin, step);
            }
            else if (_scenario.ControlIsBan[control])
            {
                _stock[supplier][origin] += part;
                CancelOrdered(arc, part);
            }
            else
            {
                ApplyForLicence(arc, control, part, origin, step);
            }
        }

        FoldTinyOrigins(supplier);
    }

    /// <summary>
    /// Controlled-origin material leaving a transshipper: under an extraterritorial control only the leak fraction
    /// slips through and the rest is treated as a direct export; otherwise all of it ships. What ships unlicensed
    /// is seized with the transshipper's interdiction probability (one draw per part).
    /// </summary>
    private void ReExport(int arc, int control, double part, int origin, int step)
    {
        int from = _net.ArcFrom[arc];
        double leak = Math.Min(1, _leak[from] * SmugglingMultiplier(_net.ArcMaterial[arc]));
        double leaked = _scenario.ControlExtraterritorial[control] ? part * leak : part;
        double held = part - leaked;
        if (leaked > 0)
        {
            if (_interdiction[from] > 0 && _interdictionRng[arc].NextDouble() < _interdiction[from])
            {
                _laneSeized[_net.ArcLane[arc]] += leaked;
                CancelOrdered(arc, leaked);
            }
            else
            {
                Transit(arc, leaked, origin, step);
            }
        }

        if (held <= 0)
        {
            return;
        }

        if (_scenario.ControlIsBan[control])
        {
            _stock[SupplierOf(arc)][origin] += held;
            CancelOrdered(arc, held);
        }
        else
        {
            ApplyForLicence(arc, control, held, origin, step);
        }
    }

    /// <summary>
    /// The supplier sets the material aside; the decision comes after a drawn processing time. Under a valid licence
    /// (<c>ReferenceKernel.Licences.cs</c>) it ships at once instead.
    /// </summary>
    private void ApplyForLicence(int arc, int control, double amount, int origin, int step)
    {
        if (HoldsValidLicence(arc, control, step))
        {
            Transit(arc, amount, origin, step);
            return;
        }

        int wait = DrawSteps(_scenario.ControlProcessingParam[control], ref _licenceRng[arc]);
        _licenceQueue.Add(new LicenceApplication(arc, control, origin, amount, step + wait));
        _latestControlOnArc[arc] = control;
        _licenceApplied[control] += amount;
    }

    /// <summary>
    /// Puts material on the way; it arrives after the lane's drawn lead time plus, from a transshipper, its drawn
    /// delay (both from the arc's lead-time stream, whole steps, at least one each).
    /// </summary>
    private void Transit(int arc, double amount, int origin, int step)
    {
        int from = _net.ArcFrom[arc];
        int leadParam = _net.ArcLeadParam[arc];
        int steps = leadParam < 0 ? StepsOf(1.0) : StepsOf(Sampler.Sample(_table, leadParam, ref _leadRng[arc]));
        if (_net.DelayParam[from] >= 0)
        {
            steps += DrawSteps(_net.DelayParam[from], ref _leadRng[arc]);
        }

        _inTransit.Add(new Shipment(arc, origin, amount, step + steps));
        if (_net.ArcLane[arc] >= 0)
        {
            _laneShipped[_net.ArcLane[arc]] += amount;
        }
    }

    /// <summary>
    /// A consumer's cover as a release rule sees it: stock on hand less backlog, plus released material not yet
    /// delivered (on its way or in a licence queue); its orders from suppliers do not count.
    /// </summary>
    private double ReleaseCover(int buyer) =>
        TotalStock(buyer) - _backlog[buyer]
        + _inTransit.Where(x => _net.ArcIsRelease[x.Arc] && BuyerOf(x.Arc) == buyer).Sum(x => x.Amount)
        + _licenceQueue.Where(x => _net.ArcIsRelease[x.Arc] && BuyerOf(x.Arc) == buyer).Sum(x => x.Amount);

    /// <summary>
    /// Stockpiles top up the consumers of their active release rule whose cover fell below the rule's cover
    /// (default: the consumer's own days of cover), within the release rate per material and step.
    /// </summary>
    private void ReleaseStockpiles(int step)
    {
        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (KindOf(n) != NodeKind.Stockpile || !(_releaseRate[n] > 0))
            {
                continue;
            }

            for (int material = 0; material < _materials; material++)
            {
                int h = HoldingOf(n, material);
                double left = _releaseRate[n] * _stepDays;
                foreach (int a in Enumerable.Range(0, _net.ArcCount).Where(a => _net.ArcIsRelease[a] && SupplierOf(a) == h))
                {
                    if (left <= Tolerance)
                    {
                        break;
                    }

                    if (!_releaseArcOn[a])
                    {
                        continue;
                    }

                    int buyer = BuyerOf(a);
                    double mean = _meanNeed[buyer] * _demandMultiplier[buyer];
                    double below = double.IsNaN(_releaseBelow[n]) ? _net.CoverDays[_net.ArcTo[a]] : _releaseBelow[n];
                    double position = ReleaseCover(buyer);
                    if (position >= below * mean)
                    {
                        continue;
                    }

                    double amount = Math.Min(Math.Min((below * mean) - position, left), TotalStock(h));
                    if (amount > Tolerance)
                    {
                        left -= amount;
                        _onOrder[buyer] += amount;
                        Dispatch(a, amount, step);
                    }
                }
            }
        }
    }
}
