
namespace SupplySim.Simulation;

/// <summary>Steps 2-4 for a block: arrivals, licence decisions, production and processing.</summary>
internal sealed partial class TrialKernel<T, TMask>
{
    /// <summary>Arcs whose arrivals are taken from the pipeline together before they are booked (<see cref="ReceiveArrivals"/>).</summary>
    private const int ArrivalChunkArcs = 64;

    /// <summary>
    /// Each arc's arrivals today go into its buyer's stock and off its orders. In chunks of arcs, each pass a tight
    /// loop whose cache misses (one per arc on a large network: each ring is a page of its own, and buyers' stocks
    /// are far apart) overlap: take the day's slots off the pipeline, add them to stock, take them off orders. Same
    /// additions in the same order.
    /// </summary>
    private void ReceiveArrivals(int step)
    {
        var pipe = _s.Pipe;
        var stock = _s.Stock;
        var onOrder = _s.OnOrder;
        var buyerOfArc = _buyerOfArc;
        var pipeline = _pipeline;
        var cellOf = pipeline.Cell;
        var originStart = pipeline.OriginStart;
        var origins = pipeline.Origins;
        var ringToday = _ringToday;
        var ringClass = _arcRingClass;
        var taken = _arrivalsTaken.Span;
        int o = _o;
        for (int chunk = 0; chunk < buyerOfArc.Length; chunk += ArrivalChunkArcs)
        {
            int end = Math.Min(buyerOfArc.Length, chunk + ArrivalChunkArcs), n = 0;
            for (int a = chunk; a < end; a++)
            {
                int width = originStart[a + 1] - originStart[a], slot = cellOf[a] + (ringToday[ringClass[a]] * width);
                for (int i = 0; i < width; i++)
                {
                    taken[n++] = pipe[slot + i];
                    pipe[slot + i] = T.Zero;
                }
            }

            n = 0;
            for (int a = chunk; a < end; a++)
            {
                int at = buyerOfArc[a] * o, first = originStart[a], last = originStart[a + 1];
                for (int i = first; i < last; i++)
                {
                    stock[at + origins[i]] += taken[n++];
                }
            }

            n = 0;
            for (int a = chunk; a < end; a++)
            {
                int buyer = buyerOfArc[a], width = originStart[a + 1] - originStart[a];
                var arrived = T.Zero;
                for (int i = 0; i < width; i++)
                {
                    arrived += taken[n++];
                }

                onOrder[buyer] = Max(T.Zero, onOrder[buyer] - arrived);
            }
        }
    }

    /// <summary>
    /// Applications maturing today are approved (shipped) or denied (stock back to the supplier, order cancelled).
    /// Those of one arc and origin maturing together share one draw, and each is decided under the control it was
    /// made under (its approval probability, its approved and denied totals).
    /// </summary>
    private void MatureLicences(int step)
    {
        var s = _s;
        if (_scenario.ControlCount == 0)
        {
            return;
        }

        var queue = _licences;
        var licence = s.Licence;
        int slotIndex = step & (queue.Ring - 1);
        for (int a = 0; a < _arcs; a++)
        {
            int first = queue.ControlStart[a], controls = queue.ControlStart[a + 1] - first;
            if (controls == 0)
            {
                continue;
            }

            int cells = queue.Base[a] + (slotIndex * controls);
            var exporter = _scenario.ControlExporter;
            for (int origin = 0; origin < _o; origin++)
            {
                // Each control's cell holds its exporter's material; those of one origin share the day's draw.
                var pending = None;
                for (int local = 0; local < controls; local++)
                {
                    if (exporter[queue.Controls[first + local]] == origin)
                    {
                        pending = Or(pending, Gt(licence[cells + local], T.Zero));
                    }
                }

                if (!Any(pending))
                {
                    continue;
                }

                var draw = s.LicenceRng[a].NextDouble(pending);
                T approved = T.Zero, denied = T.Zero;
                for (int local = 0; local < controls; local++)
                {
                    int cell = cells + local;
                    if (exporter[queue.Controls[first + local]] != origin)
                    {
                        continue;
                    }

                    var amount = licence[cell];
                    var has = Gt(amount, T.Zero);
                    if (!Any(has))
                    {
                        continue;
                    }

                    licence[cell] = Where(has, T.Zero, amount);
                    int k = queue.Controls[first + local];
                    int approvalParam = _scenario.ControlArcApproval[(k * _arcs) + a];
                    var grant = And(has, Lt(draw, approvalParam >= 0 ? s.Values[approvalParam] : T.Zero));
                    var deny = AndNot(has, grant);
                    s.ControlApproved[k] = AddWhere(grant, s.ControlApproved[k], amount);
                    approved = AddWhere(grant, approved, amount);
                    if (Any(grant))
                    {
                        GrantLicence(a, k, step, grant);
                    }

                    s.ControlDenied[k] = AddWhere(deny, s.ControlDenied[k], amount);
                    denied = AddWhere(deny, denied, amount);
                }

                var ships = Gt(approved, T.Zero);
                if (Any(ships))
                {
                    Transit(a, approved, origin, step, ships);
                }

                var returns = Gt(denied, T.Zero);
                if (Any(returns))
                {
                    int at = (_supplierOfArc[a] * _o) + origin;
                    s.Stock[at] = AddWhere(returns, s.Stock[at], denied);
                    CancelOrdered(a, denied, returns);
                }
            }
        }
    }

    private void Produce()
    {
        var s = _s;
        double yearShare = _net.YearOfStep[_step] == 0 ? _firstYearQuotaShare : 1.0;
        foreach (int n in _producers)
        {
            int h = (n * _m) + _net.OutputMaterial[n];
            var make = s.Capacity[n] * _stepDays;
            if (_market.AddedCapacity.Length > 0)
            {
                make += _market.AddedCapacity[n] * _stepDays;
            }

            if (!_net.IsPush[n])
            {
                make = Min(make, Max(T.Zero, (_net.CoverDays[n] * s.PlannedCapacity[n]) - TotalStock(h)));
            }

            var remaining = (s.QuotaAnnual[n] * yearShare) - s.ProducedThisYear[n];
            var binding = Lt(remaining, make);
            make = Where(binding, Max(T.Zero, remaining), make);
            s.QuotaBindingSteps[n] = AddWhere(binding, s.QuotaBindingSteps[n], T.One);
            var makes = AndNot(Gt(make, T.Zero), Eq(make, PositiveInfinity));
            if (!Any(makes))
            {
                continue;
            }

            int at = (h * _o) + _net.NodeOrigin[n];
            s.Stock[at] = AddWhere(makes, s.Stock[at], make);
            s.ProducedThisYear[n] = AddWhere(makes, s.ProducedThisYear[n], make);
            s.Produced[n] = AddWhere(makes, s.Produced[n], make);
            int material = _net.OutputMaterial[n];
            s.MassProduced[material] = AddWhere(makes, s.MassProduced[material], make);
        }
    }

    /// <summary>Processors make what capacity and the scarcest input allow; output takes the processor's origin.</summary>
    private void Process()
    {
        var s = _s;
        foreach (int n in _processors)
        {
            int output = (n * _m) + _net.OutputMaterial[n];
            var make = s.Capacity[n] * _stepDays;
            if (_market.AddedCapacity.Length > 0)
            {
                make += _market.AddedCapacity[n] * _stepDays;
            }

            if (!_net.IsPush[n])
            {
                make = Min(make, Max(T.Zero, (_net.CoverDays[n] * s.PlannedCapacity[n]) - TotalStock(output)));
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                var ratio = s.Values[_net.RecipeRatioParam[i]];
                make = Min(make, TotalStock((n * _m) + _net.RecipeMaterial[i]) / ratio);
            }

            var makes = AndNot(Gt(make, T.Zero), Eq(make, PositiveInfinity));
            if (!Any(makes))
            {
                continue;
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                int input = (n * _m) + _net.RecipeMaterial[i];
                var use = make * s.Values[_net.RecipeRatioParam[i]];
                TakeStock(input, use, TotalStock(input), makes);
                int material = _net.RecipeMaterial[i];
                s.MassConsumed[material] = AddWhere(makes, s.MassConsumed[material], use);
            }

            int at = (output * _o) + _net.NodeOrigin[n];
            s.Stock[at] = AddWhere(makes, s.Stock[at], make);
            s.MassProduced[_net.OutputMaterial[n]] = AddWhere(makes, s.MassProduced[_net.OutputMaterial[n]], make);
        }
    }
}
