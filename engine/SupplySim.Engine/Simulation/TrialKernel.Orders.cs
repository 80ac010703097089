using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>Step 6: buyers order up to their policy's target, split by share across open lanes.</summary>
internal sealed partial class TrialKernel
{
    /// <summary>Buyers plan at most two years of licence pipeline, however low the approval rate.</summary>
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

            // Orders waiting on a lane that has since closed are cancelled, so the buyer re-orders elsewhere.
            // Orders split by share over the lanes still open; the pipeline is planned on the expected days to an
            // approved tonne, each lane weighted by what it is expected to deliver (share × approval).
            double openShare = 0, delivering = 0, weightedLead = 0;
            for (int i = first; i < last; i++)
            {
                int a = inArcs[i];
                double approval = LaneOutlook(a, out double processing);
                if (approval <= 0 && outstanding[a] > 0)
                {
                    CancelOrdered(a, outstanding[a]);
                    outstanding[a] = 0;
                }

                double open = approval > 0 ? arcShare[a] : 0;
                share[a] = open;
                openShare += open;
                delivering += open * approval;
                weightedLead += open * approval * (arcMeanLead[a] + processing);
            }

            weightedLead = delivering > 0 ? weightedLead / delivering : 0;
            double order = OrderQuantity(h, weightedLead);
            if (order <= HoldingAccumulators.Tolerance || openShare <= 0)
            {
                continue;
            }

            for (int i = first; i < last; i++)
            {
                int a = inArcs[i];
                outstanding[a] += order * share[a] / openShare;
            }

            s.OnOrder[h] += order;
        }
    }

    /// <summary>
    /// How a buyer sees lane <paramref name="a"/> today: 0 when it is out (disruption), banned for the supplier's own
    /// output, or licensed with no chance of approval for this buyer (denied sectors reroute like a ban); otherwise the
    /// approval probability (1 without a licence, or while the arc holds a valid licence). <paramref name="processingDays"/>
    /// receives the expected licence days to an approved tonne (processing / approval, since denied shipments are
    /// re-applied for; 0 under a valid licence).
    /// </summary>
    private double LaneOutlook(int a, out double processingDays)
    {
        processingDays = 0;
        int lane = _arcLane[a];
        if (lane >= 0 && !_s.LaneOpen[lane])
        {
            return 0;
        }

        if (_scenario.Gate is not { } gate || _fromTransshipper[a])
        {
            return 1;
        }

        int k = gate[(((_step * _arcs) + a) * _o) + _arcFromOrigin[a]];
        if (k < 0)
        {
            return 1;
        }

        if (_scenario.ControlIsBan[k])
        {
            return 0;
        }

        if (HoldsValidLicence(a, k, _step))
        {
            return 1;
        }

        int approval = _scenario.ControlArcApproval[(k * _arcs) + a];
        double p = approval >= 0 ? _s.Values[approval] : 0;
        processingDays = p > 0 ? Math.Min(_scenario.ControlMeanProcessingDays[k] / p, MaxPlannedLicenceDays) : 0;
        return p;
    }

    private double OrderQuantity(int h, double lead)
    {
        var s = _s;
        int n = _nodeOf[h];
        double position = TotalStock(h) + s.OnOrder[h] - s.Backlog[h];
        switch (_net.NodeKind[n])
        {
            case NodeKind.Consumer:
                double mean = s.MeanNeed[h] * s.DemandMultiplier[h];
                if (_net.UsesReorderPoint[n])
                {
                    return position <= (_net.ReorderDays[n] + lead) * mean ? ((_net.CoverDays[n] + lead) * mean) - position : 0;
                }

                return ((_net.CoverDays[n] + lead) * mean) - position;
            case NodeKind.Processor:
                return ((_net.CoverDays[n] + lead) * s.MeanNeed[h]) - position;
            case NodeKind.Stockpile:
                return _net.AcquisitionParam[h] >= 0 ? s.Values[_net.AcquisitionParam[h]] - position : 0;
            case NodeKind.Transshipper:
                // Back to back: buy what buyers have asked for and is neither in stock nor on order.
                double asked = 0;
                for (int i = _net.OutStart[h]; i < _net.OutStart[h + 1]; i++)
                {
                    asked += s.Outstanding[_net.OutArcs[i]];
                }

                return asked - position;
            default:
                return 0;
        }
    }

    /// <summary>An order (or part of one) will not be delivered: the buyer's position drops so it can re-order.</summary>
    private void CancelOrdered(int a, double amount)
    {
        int buyer = _buyerOfArc[a];
        _s.OnOrder[buyer] = Math.Max(0, _s.OnOrder[buyer] - amount);
    }
}
