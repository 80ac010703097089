using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>Step 6: buyers order up to their policy's target, split by share across open lanes.</summary>
internal sealed partial class TrialKernel
{
    private void PlaceOrders()
    {
        var s = _s;
        foreach (int h in _buyerHoldings)
        {
            int first = _net.InStart[h], last = _net.InStart[h + 1];

            // Orders waiting on a lane that has since closed are cancelled, so the buyer re-orders elsewhere.
            double openShare = 0;
            for (int i = first; i < last; i++)
            {
                int a = _net.InArcs[i];
                bool open = IsOrderable(a);
                if (!open && s.Outstanding[a] > 0)
                {
                    CancelOrdered(a, s.Outstanding[a]);
                    s.Outstanding[a] = 0;
                }

                s.Share[a] = open ? _net.ArcShare[a] : 0;
                openShare += s.Share[a];
            }

            double order = OrderQuantity(h);
            if (order <= HoldingAccumulators.Tolerance || openShare <= 0)
            {
                continue;
            }

            for (int i = first; i < last; i++)
            {
                int a = _net.InArcs[i];
                double part = order * s.Share[a] / openShare;
                s.Outstanding[a] += part;
            }

            s.OnOrder[h] += order;
        }
    }

    /// <summary>A buyer may order on a lane unless it is out (disruption) or a ban covers the supplier's own output.</summary>
    private bool IsOrderable(int a)
    {
        int lane = _net.ArcLane[a];
        if (lane >= 0 && !_s.LaneOpen[lane])
        {
            return false;
        }

        int from = _net.ArcFrom[a];
        if (_scenario.Gate is not { } gate || _net.NodeKind[from] == NodeKind.Transshipper)
        {
            return true;
        }

        int k = gate[(((_step * _arcs) + a) * _o) + _net.NodeOrigin[from]];
        return k < 0 || !_scenario.ControlIsBan[k];
    }

    private double OrderQuantity(int h)
    {
        var s = _s;
        int n = h / _m;
        double position = TotalStock(h) + s.OnOrder[h] - s.Backlog[h];
        switch (_net.NodeKind[n])
        {
            case NodeKind.Consumer:
                double mean = s.MeanNeed[h] * s.DemandMultiplier[h];
                double lead = _net.MeanLeadDays[h];
                if (_net.UsesReorderPoint[n])
                {
                    return position <= (_net.ReorderDays[n] + lead) * mean ? ((_net.CoverDays[n] + lead) * mean) - position : 0;
                }

                return ((_net.CoverDays[n] + lead) * mean) - position;
            case NodeKind.Processor:
                return ((_net.CoverDays[n] + _net.MeanLeadDays[h]) * s.MeanNeed[h]) - position;
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
        int buyer = (_net.ArcTo[a] * _m) + _net.ArcMaterial[a];
        _s.OnOrder[buyer] = Math.Max(0, _s.OnOrder[buyer] - amount);
    }
}
