using SupplySim.Model;

namespace SupplySim.Tests.Reference;

/// <summary>Step 6: buyers order up to their policy's target, split by share across the lanes open to them.</summary>
internal sealed partial class ReferenceKernel
{
    /// <summary>Buyers plan at most two years of licence pipeline, however low the approval rate.</summary>
    private const double MaxPlannedLicenceDays = 730;

    /// <summary>
    /// Buyers in holding order (a transshipper's order reads what its buyers have asked so far, so order matters).
    /// Orders waiting on a lane that has since closed are cancelled; the new order is split by share over the open
    /// lanes, and the pipeline it plans for is the lead time (plus expected licence days) weighted by what each lane
    /// is expected to deliver (share × approval).
    /// </summary>
    private void PlaceOrders()
    {
        for (int h = 0; h < _net.NodeCount * _materials; h++)
        {
            var lanes = Enumerable.Range(0, _net.ArcCount).Where(a => BuyerOf(a) == h && IsOrderedOn(a)).ToList();
            if (lanes.Count == 0)
            {
                continue;
            }

            Qualify(lanes);
            var share = new Dictionary<int, double>();
            double openShare = 0, delivering = 0, weightedLead = 0;
            foreach (int a in lanes)
            {
                double approval = Qualified(a) ? LaneOutlook(a, out double licenceDays) : NotYet(out licenceDays);
                if (approval <= 0 && _outstanding[a] > 0)
                {
                    CancelOrdered(a, _outstanding[a]);
                    _outstanding[a] = 0;
                }

                share[a] = approval > 0 ? _net.ArcShare[a] : 0;
                openShare += share[a];
                delivering += share[a] * approval;
                weightedLead += share[a] * approval * (_net.ArcMeanLeadDays[a] + licenceDays);
            }

            double lead = delivering > 0 ? weightedLead / delivering : 0;
            double order = OrderQuantity(h, lead);
            if (order <= Tolerance || openShare <= 0)
            {
                continue;
            }

            foreach (int a in lanes)
            {
                _outstanding[a] += order * share[a] / openShare;
            }

            _onOrder[h] += order;
        }
    }

    /// <summary>Per arc: the step from which a not-yet-qualified supplier may be ordered from (-1: qualification not started).</summary>
    private readonly int[] _qualifiedFrom;

    /// <summary>The lane's per-trial qualification time, or -1 when the supplier is qualified from the start.</summary>
    private int QualificationParam(int arc) =>
        _net.ArcLane[arc] >= 0 && _net.LaneQualificationParam.Length > 0 ? _net.LaneQualificationParam[_net.ArcLane[arc]] : -1;

    /// <summary>
    /// A buyer starts qualifying all its unqualified suppliers the first day one of its qualified lanes is closed to it
    /// (or at once without any qualified lane); each is orderable after its drawn time, in whole steps (rounded up).
    /// </summary>
    private void Qualify(List<int> lanes)
    {
        var pending = lanes.Where(a => QualificationParam(a) >= 0).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var qualified = lanes.Where(a => QualificationParam(a) < 0).ToList();
        if (qualified.Count > 0 && qualified.All(a => LaneOutlook(a, out _) > 0))
        {
            return;
        }

        foreach (int a in pending.Where(a => _qualifiedFrom[a] < 0))
        {
            _qualifiedFrom[a] = _step + Math.Max(0, (int)Math.Ceiling((_values[QualificationParam(a)] / _stepDays) - 1e-9));
        }
    }

    private bool Qualified(int arc) => QualificationParam(arc) < 0 || (_qualifiedFrom[arc] >= 0 && _qualifiedFrom[arc] <= _step);

    private static double NotYet(out double licenceDays)
    {
        licenceDays = 0;
        return 0;
    }

    /// <summary>Buyers order on lanes, but not on stockpile releases or from push suppliers (those send unasked).</summary>
    private bool IsOrderedOn(int arc) => !_net.ArcIsRelease[arc] && !_net.IsPush[_net.ArcFrom[arc]];

    /// <summary>
    /// How a buyer sees a lane today: 0 when it is out, banned, or licensed with no chance of approval for it;
    /// otherwise the approval probability (1 without a licence). <paramref name="licenceDays"/> is the expected
    /// licence time to an approved tonne (processing / approval, as denied shipments are re-applied for).
    /// </summary>
    private double LaneOutlook(int arc, out double licenceDays)
    {
        licenceDays = 0;
        int lane = _net.ArcLane[arc];
        if (lane >= 0 && !_laneOpen[lane])
        {
            return 0;
        }

        // A transshipper's stock may be of any origin, so the gate is only known per shipment.
        int from = _net.ArcFrom[arc];
        int control = KindOf(from) == NodeKind.Transshipper ? -1 : ControlOn(arc, _net.NodeOrigin[from]);
        if (control < 0)
        {
            return 1;
        }

        if (_scenario.ControlIsBan[control])
        {
            return 0;
        }

        if (HoldsValidLicence(arc, control, _step))
        {
            return 1;
        }

        double p = ApprovalProbability(control, arc);
        licenceDays = p > 0 ? Math.Min(_scenario.ControlMeanProcessingDays[control] / p, MaxPlannedLicenceDays) : 0;
        return p;
    }

    /// <summary>How much a buyer orders today given its position (on hand + on order − backlog) and its policy.</summary>
    private double OrderQuantity(int h, double lead)
    {
        int n = NodeOf(h);
        double position = TotalStock(h) + _onOrder[h] - _backlog[h];
        switch (KindOf(n))
        {
            case NodeKind.Consumer:
                double mean = _meanNeed[h] * _demandMultiplier[h];
                double target = (_net.CoverDays[n] + lead) * mean;
                if (_net.UsesReorderPoint[n])
                {
                    return position <= (_net.ReorderDays[n] + lead) * mean ? target - position : 0;
                }

                return target - position;
            case NodeKind.Processor:
                return ((_net.CoverDays[n] + lead) * _meanNeed[h]) - position;
            case NodeKind.Stockpile:
                return _net.AcquisitionParam[h] >= 0 ? _values[_net.AcquisitionParam[h]] - position : 0;
            case NodeKind.Transshipper:
                // Back to back: what its buyers have asked for and is neither in stock nor on order.
                double asked = 0;
                foreach (int a in SalesArcs(h))
                {
                    asked += _outstanding[a];
                }

                return asked - position;
            default:
                return 0;
        }
    }

    /// <summary>The lane arcs a holding sells on, highest buyer priority (lowest number) first, then by arc.</summary>
    private List<int> SalesArcs(int h) =>
        [.. Enumerable.Range(0, _net.ArcCount).Where(a => SupplierOf(a) == h && !_net.ArcIsRelease[a])
            .OrderBy(a => _net.Priority[_net.ArcTo[a]]).ThenBy(a => a)];

    /// <summary>Part of an order will not be delivered: the buyer's on-order falls so that it re-orders.</summary>
    private void CancelOrdered(int arc, double amount)
    {
        int buyer = BuyerOf(arc);
        _onOrder[buyer] = Math.Max(0, _onOrder[buyer] - amount);
    }
}
