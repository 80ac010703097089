namespace SupplySim.Simulation;

/// <summary>Steps 2-4: arrivals, licence decisions, production and processing.</summary>
internal sealed partial class TrialKernel
{
    private void ReceiveArrivals(int step)
    {
        // Today's arrivals are one contiguous row of the pipeline ring: [arc][origin]. One pass moves each arc's
        // parts into the buyer's stock and clears them; adding an empty part changes nothing.
        var pipe = _s.Pipe.AsSpan((step & (_net.PipeRing - 1)) * _arcs * _o, _arcs * _o);
        var stock = _s.Stock;
        var onOrder = _s.OnOrder;
        var buyerOfArc = _buyerOfArc;
        int o = _o;
        for (int a = 0, slot = 0; a < buyerOfArc.Length; a++, slot += o)
        {
            int buyer = buyerOfArc[a], at = buyer * o;
            double arrived = 0;
            for (int origin = 0; origin < o; origin++)
            {
                double part = pipe[slot + origin];
                arrived += part;
                stock[at + origin] += part;
                pipe[slot + origin] = 0;
            }

            // Branch-free (whether anything arrives is a coin flip): on-order is never negative, so subtracting
            // nothing and clamping leaves it unchanged.
            onOrder[buyer] = Math.Max(0, onOrder[buyer] - arrived);
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

            int cells = queue.Base[a] + (slotIndex * controls * _o);
            for (int origin = 0; origin < _o; origin++)
            {
                if (!AnyPending(licence, cells + origin, controls))
                {
                    continue;
                }

                double draw = s.LicenceRng[a].NextDouble(), approved = 0, denied = 0;
                for (int local = 0; local < controls; local++)
                {
                    int cell = cells + (local * _o) + origin;
                    double amount = licence[cell];
                    if (amount <= 0)
                    {
                        continue;
                    }

                    licence[cell] = 0;
                    int k = queue.Controls[first + local];
                    int approvalParam = _scenario.ControlArcApproval[(k * _arcs) + a];
                    if (draw < (approvalParam >= 0 ? s.Values[approvalParam] : 0))
                    {
                        s.ControlApproved[k] += amount;
                        approved += amount;
                        GrantLicence(a, k, step);
                    }
                    else
                    {
                        s.ControlDenied[k] += amount;
                        denied += amount;
                    }
                }

                if (approved > 0)
                {
                    Transit(a, approved, origin, step);
                }

                if (denied > 0)
                {
                    s.Stock[(_supplierOfArc[a] * _o) + origin] += denied;
                    CancelOrdered(a, denied);
                }
            }
        }
    }

    /// <summary>Is anything pending in the cells of one origin, one per control (stride = origins)?</summary>
    private bool AnyPending(double[] licence, int cell, int controls)
    {
        for (int local = 0; local < controls; local++, cell += _o)
        {
            if (licence[cell] > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Produce()
    {
        var s = _s;
        foreach (int n in _producers)
        {
            int h = (n * _m) + _net.OutputMaterial[n];
            double make = s.Capacity[n] * _stepDays;
            if (!_net.IsPush[n])
            {
                make = Math.Min(make, Math.Max(0, (_net.CoverDays[n] * s.BaseCapacity[n]) - TotalStock(h)));
            }

            double remaining = s.QuotaAnnual[n] - s.ProducedThisYear[n];
            if (remaining < make)
            {
                make = Math.Max(0, remaining);
                s.QuotaBindingSteps[n]++;
            }

            if (!(make > 0) || double.IsPositiveInfinity(make))
            {
                continue;
            }

            s.Stock[(h * _o) + _net.NodeOrigin[n]] += make;
            s.ProducedThisYear[n] += make;
            s.Produced[n] += make;
            s.MassProduced[_net.OutputMaterial[n]] += make;
        }
    }

    /// <summary>Processors make what capacity and the scarcest input allow; output takes the processor's origin.</summary>
    private void Process()
    {
        var s = _s;
        foreach (int n in _processors)
        {
            int output = (n * _m) + _net.OutputMaterial[n];
            double make = s.Capacity[n] * _stepDays;
            if (!_net.IsPush[n])
            {
                make = Math.Min(make, Math.Max(0, (_net.CoverDays[n] * s.BaseCapacity[n]) - TotalStock(output)));
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                double ratio = s.Values[_net.RecipeRatioParam[i]];
                make = Math.Min(make, TotalStock((n * _m) + _net.RecipeMaterial[i]) / ratio);
            }

            if (!(make > 0) || double.IsPositiveInfinity(make))
            {
                continue;
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                int input = (n * _m) + _net.RecipeMaterial[i];
                double use = make * s.Values[_net.RecipeRatioParam[i]];
                TakeStock(input, use, TotalStock(input), s.Parts);
                s.MassConsumed[_net.RecipeMaterial[i]] += use;
            }

            s.Stock[(output * _o) + _net.NodeOrigin[n]] += make;
            s.MassProduced[_net.OutputMaterial[n]] += make;
        }
    }
}
