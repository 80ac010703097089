using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>Step 6 for a block: buyers order up to their policy's target, split by share across open lanes.</summary>
internal sealed partial class TrialKernel<T, TMask>
{
    private const double MaxPlannedLicenceDays = 730;

    private void PlaceOrders()
    {
        var s = _s;
        var inStart = _net.InStart;
        var inArcs = _net.InArcs;
        var arcShare = _net.ArcShare;
        var arcMeanLead = _net.ArcMeanLeadDays;
        var outstanding = s.Outstanding;
        var share = s.Share;
        foreach (int h in _buyerHoldings)
        {
            int first = inStart[h], last = inStart[h + 1];
            bool qualifies = _qualifies[h];
            if (qualifies)
            {
                StartQualifications(first, last);
            }

            T openShare = T.Zero, delivering = T.Zero, weightedLead = T.Zero;
            for (int i = first; i < last; i++)
            {
                int a = inArcs[i];
                var approval = LaneOutlook(a, out var processing);
                if (qualifies && _arcQualificationParam[a] >= 0)
                {
                    var from = _qualifiedFrom.Span[a];
                    approval = Where(And(Ge(from, T.Zero), Le(from, T.Create(_step))), approval, T.Zero);
                }

                var closed = Le(approval, T.Zero);
                var cancels = And(closed, Gt(outstanding[a], T.Zero));
                if (Any(cancels))
                {
                    CancelOrdered(a, outstanding[a], cancels);
                    outstanding[a] = Where(cancels, T.Zero, outstanding[a]);
                }

                var open = Where(Gt(approval, T.Zero), T.Create(arcShare[a]), T.Zero);
                share[a] = open;
                openShare += open;
                delivering += open * approval;
                weightedLead += open * approval * (T.Create(arcMeanLead[a]) + processing);
            }

            var delivers = Gt(delivering, T.Zero);
            weightedLead = Where(delivers, weightedLead / delivering, T.Zero);
            var order = OrderQuantity(h, weightedLead);
            var orders = And(Gt(order, Tolerance), Gt(openShare, T.Zero));
            if (!Any(orders))
            {
                continue;
            }

            for (int i = first; i < last; i++)
            {
                int a = inArcs[i];
                outstanding[a] = AddWhere(orders, outstanding[a], order * share[a] / openShare);
            }

            s.OnOrder[h] = AddWhere(orders, s.OnOrder[h], order);
        }
    }

    /// <summary>
    /// Supplier qualification: a buyer starts qualifying every supplier it has not qualified yet on the first day one
    /// of its qualified lanes is closed to it (or at once, if it has no qualified lane); each becomes orderable its
    /// lane's drawn qualification time later (rounded up to whole steps; 0 days: the same day).
    /// </summary>
    private void StartQualifications(int first, int last)
    {
        var inArcs = _net.InArcs;
        var needs = None;
        bool anyQualified = false;
        for (int i = first; i < last; i++)
        {
            int a = inArcs[i];
            if (_arcQualificationParam[a] < 0)
            {
                anyQualified = true;
                needs = Or(needs, Le(LaneOutlook(a, out _), T.Zero));
            }
        }

        needs = anyQualified ? needs : True;
        if (!Any(needs))
        {
            return;
        }

        var qualifiedFrom = _qualifiedFrom.Span;
        var today = T.Create(_step);
        for (int i = first; i < last; i++)
        {
            int a = inArcs[i];
            if (_arcQualificationParam[a] >= 0)
            {
                var steps = T.Max(T.Zero, T.Ceiling((_s.Values[_arcQualificationParam[a]] / _stepDays) - T.Create(1e-9)));
                qualifiedFrom[a] = Where(And(needs, Lt(qualifiedFrom[a], T.Zero)), today + steps, qualifiedFrom[a]);
            }
        }
    }

    /// <summary>
    /// How a buyer sees lane <paramref name="a"/> today, per trial: 0 when it is out (disruption), banned for the
    /// supplier's own output, or licensed with no chance of approval for this buyer (denied sectors reroute like a
    /// ban); otherwise the approval probability (1 without a licence, or while the arc holds a valid licence).
    /// <paramref name="processingDays"/> receives the expected licence days to an approved tonne (processing /
    /// approval, since denied shipments are re-applied for; 0 under a valid licence).
    /// </summary>
    /// <remarks>Inlined, as is <see cref="OrderQuantity"/>: as calls they returned and took 64-byte vectors through the stack (2–5% of a block).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T LaneOutlook(int a, out T processingDays)
    {
        processingDays = T.Zero;
        int lane = _arcLane[a];
        var open = lane >= 0 ? _s.LaneOpen[lane] : True;
        if (_scenario.Gate is not { } gate || _fromTransshipper[a])
        {
            return Where(open, T.One, T.Zero);
        }

        int k = gate.At(_step, a, _arcFromOrigin[a]);
        if (k < 0)
        {
            return Where(open, T.One, T.Zero);
        }

        if (_scenario.ControlIsBan[k])
        {
            return T.Zero;
        }

        var valid = HoldsValidLicence(a, k, _step);
        int approval = _scenario.ControlArcApproval[(k * _arcs) + a];
        var p = approval >= 0 ? _s.Values[approval] : T.Zero;
        var days = Where(Gt(p, T.Zero), Min(T.Create(_scenario.ControlMeanProcessingDays[k]) / p, T.Create(MaxPlannedLicenceDays)), T.Zero);
        processingDays = Where(AndNot(open, valid), days, T.Zero);
        return Where(open, Where(valid, T.One, p), T.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T OrderQuantity(int h, T lead)
    {
        var s = _s;
        int n = _nodeOf[h];
        var position = TotalStock(h) + s.OnOrder[h] - s.Backlog[h];
        switch (_net.NodeKind[n])
        {
            case NodeKind.Consumer:
                var mean = s.MeanNeed[h] * s.DemandMultiplier[h];
                var upTo = ((T.Create(_net.CoverDays[n]) + lead) * mean) - position;
                if (_net.UsesReorderPoint[n])
                {
                    return Where(Le(position, (T.Create(_net.ReorderDays[n]) + lead) * mean), upTo, T.Zero);
                }

                return upTo;
            case NodeKind.Processor:
                return ((T.Create(_net.CoverDays[n]) + lead) * s.MeanNeed[h]) - position;
            case NodeKind.Stockpile:
                return _net.AcquisitionParam[h] >= 0 ? s.Values[_net.AcquisitionParam[h]] - position : T.Zero;
            case NodeKind.Transshipper:
                var asked = T.Zero;
                for (int i = _net.OutStart[h]; i < _net.OutStart[h + 1]; i++)
                {
                    asked += s.Outstanding[_net.OutArcs[i]];
                }

                return asked - position;
            default:
                return T.Zero;
        }
    }

    /// <summary>An order (or part of one) will not be delivered, in the lanes of <paramref name="mask"/>: the buyer can re-order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CancelOrdered(int a, T amount, TMask mask)
    {
        int buyer = _buyerOfArc[a];
        _s.OnOrder[buyer] = Where(mask, Max(T.Zero, _s.OnOrder[buyer] - amount), _s.OnOrder[buyer]);
    }
}
