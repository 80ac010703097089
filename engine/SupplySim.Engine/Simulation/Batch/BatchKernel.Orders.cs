using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SupplySim.Model;
using static SupplySim.Simulation.Lanes;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace SupplySim.Simulation;

/// <summary>Step 6 for a batch: buyers order up to their policy's target, split by share across open lanes.</summary>
internal sealed partial class BatchKernel
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
            V openShare = V.Zero, delivering = V.Zero, weightedLead = V.Zero;
            for (int i = first; i < last; i++)
            {
                int a = inArcs[i];
                var approval = LaneOutlook(a, out var processing);
                var closed = Le(approval, V.Zero);
                var cancels = closed & Gt(outstanding[a], V.Zero);
                if (Any(cancels))
                {
                    CancelOrdered(a, outstanding[a], cancels);
                    outstanding[a] = Where(cancels, V.Zero, outstanding[a]);
                }

                var open = Where(Gt(approval, V.Zero), Vector512.Create(arcShare[a]), V.Zero);
                share[a] = open;
                openShare += open;
                delivering += open * approval;
                weightedLead += open * approval * (Vector512.Create(arcMeanLead[a]) + processing);
            }

            var delivers = Gt(delivering, V.Zero);
            weightedLead = Where(delivers, weightedLead / delivering, V.Zero);
            var order = OrderQuantity(h, weightedLead);
            var orders = Gt(order, Tolerance) & Gt(openShare, V.Zero);
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

    /// <summary>The scalar kernel's lane outlook (approval probability, expected licence days) for every trial.</summary>
    /// <remarks>Inlined, as is <see cref="OrderQuantity"/>: as calls they returned and took 64-byte vectors through the stack (2–5% of a batch).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private V LaneOutlook(int a, out V processingDays)
    {
        processingDays = V.Zero;
        int lane = _arcLane[a];
        var open = lane >= 0 ? _s.LaneOpen[lane] : True;
        if (_scenario.Gate is not { } gate || _fromTransshipper[a])
        {
            return Where(open, V.One, V.Zero);
        }

        int k = gate[(((_step * _arcs) + a) * _o) + _arcFromOrigin[a]];
        if (k < 0)
        {
            return Where(open, V.One, V.Zero);
        }

        if (_scenario.ControlIsBan[k])
        {
            return V.Zero;
        }

        var valid = HoldsValidLicence(a, k, _step);
        int approval = _scenario.ControlArcApproval[(k * _arcs) + a];
        var p = approval >= 0 ? _s.Values[approval] : V.Zero;
        var days = Where(Gt(p, V.Zero), Min(Vector512.Create(_scenario.ControlMeanProcessingDays[k]) / p, Vector512.Create(MaxPlannedLicenceDays)), V.Zero);
        processingDays = Where(open & ~valid, days, V.Zero);
        return Where(open, Where(valid, V.One, p), V.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private V OrderQuantity(int h, V lead)
    {
        var s = _s;
        int n = _nodeOf[h];
        var position = TotalStock(h) + s.OnOrder[h] - s.Backlog[h];
        switch (_net.NodeKind[n])
        {
            case NodeKind.Consumer:
                var mean = s.MeanNeed[h] * s.DemandMultiplier[h];
                var upTo = ((Vector512.Create(_net.CoverDays[n]) + lead) * mean) - position;
                if (_net.UsesReorderPoint[n])
                {
                    return Where(Le(position, (Vector512.Create(_net.ReorderDays[n]) + lead) * mean), upTo, V.Zero);
                }

                return upTo;
            case NodeKind.Processor:
                return ((Vector512.Create(_net.CoverDays[n]) + lead) * s.MeanNeed[h]) - position;
            case NodeKind.Stockpile:
                return _net.AcquisitionParam[h] >= 0 ? s.Values[_net.AcquisitionParam[h]] - position : V.Zero;
            case NodeKind.Transshipper:
                var asked = V.Zero;
                for (int i = _net.OutStart[h]; i < _net.OutStart[h + 1]; i++)
                {
                    asked += s.Outstanding[_net.OutArcs[i]];
                }

                return asked - position;
            default:
                return V.Zero;
        }
    }

    /// <summary>An order (or part of one) will not be delivered, in the lanes of <paramref name="mask"/>: the buyer can re-order.</summary>
    private void CancelOrdered(int a, V amount, V mask)
    {
        int buyer = _buyerOfArc[a];
        _s.OnOrder[buyer] = Where(mask, Max(V.Zero, _s.OnOrder[buyer] - amount), _s.OnOrder[buyer]);
    }
}
