using SupplySim.Model;

namespace SupplySim.Tests.Reference;

/// <summary>Steps 2–4: shipments arrive, licence applications are decided, producers produce, processors process.</summary>
internal sealed partial class ReferenceKernel
{
    /// <summary>Material on its way along an arc, arriving at the start of <paramref name="ArrivalStep"/>.</summary>
    private sealed record Shipment(int Arc, int Origin, double Amount, int ArrivalStep);

    /// <summary>Material a supplier set aside for a licence under export control <paramref name="Control"/>.</summary>
    private sealed record LicenceApplication(int Arc, int Control, int Origin, double Amount, int DecisionStep);

    /// <summary>Shipments due today enter the buyer's stock, keeping their origin; the buyer's on-order falls.</summary>
    private void ReceiveArrivals(int step)
    {
        var arriving = new double[_net.ArcCount, _origins];
        foreach (var shipment in _inTransit.Where(s => s.ArrivalStep == step))
        {
            arriving[shipment.Arc, shipment.Origin] += shipment.Amount;
        }

        _inTransit.RemoveAll(s => s.ArrivalStep == step);
        for (int a = 0; a < _net.ArcCount; a++)
        {
            double arrived = 0;
            for (int origin = 0; origin < _origins; origin++)
            {
                arrived += arriving[a, origin];
            }

            if (arrived <= 0)
            {
                continue;
            }

            int buyer = BuyerOf(a);
            for (int origin = 0; origin < _origins; origin++)
            {
                _stock[buyer][origin] += arriving[a, origin];
            }

            _onOrder[buyer] = Math.Max(0, _onOrder[buyer] - arrived);
        }
    }

    /// <summary>
    /// Applications due today are approved with their control's approval probability for the arc (then shipped)
    /// or denied (stock back to the supplier, order cancelled so the buyer re-orders). Applications on one arc and of
    /// one origin falling due on the same step share one draw (mirrors the kernel's licence ring).
    /// </summary>
    private void DecideLicences(int step)
    {
        for (int a = 0; a < _net.ArcCount; a++)
        {
            for (int origin = 0; origin < _origins; origin++)
            {
                var due = _licenceQueue.Where(x => x.Arc == a && x.Origin == origin && x.DecisionStep == step).ToList();
                double amount = due.Sum(x => x.Amount);
                if (due.Count == 0 || amount <= 0)
                {
                    continue;
                }

                _licenceQueue.RemoveAll(due.Contains);
                double draw = _licenceRng[a].NextDouble();
                double approved = 0, denied = 0;
                foreach (var application in due)
                {
                    int control = Attributed(application, a);
                    if (draw < ApprovalProbability(control, a))
                    {
                        _licenceApproved[control] += application.Amount;
                        approved += application.Amount;
                    }
                    else
                    {
                        _licenceDenied[control] += application.Amount;
                        denied += application.Amount;
                    }
                }

                foreach (int control in due.Where(x => draw < ApprovalProbability(Attributed(x, a), a)).Select(x => Attributed(x, a)).Distinct().Order())
                {
                    GrantLicence(a, control, step);
                }

                if (approved > 0)
                {
                    Transit(a, approved, origin, step);
                }

                if (denied > 0)
                {
                    _stock[SupplierOf(a)][origin] += denied;
                    CancelOrdered(a, denied);
                }
            }
        }
    }

    /// <summary>The control an application is decided under (see <see cref="LicenceAttribution"/>).</summary>
    private int Attributed(LicenceApplication application, int arc) =>
        _licenceAttribution == LicenceAttribution.OwnControl ? application.Control : _latestControlOnArc[arc];

    /// <summary>Approval probability of licences under <paramref name="control"/> on <paramref name="arc"/> (0 for denied sectors).</summary>
    private double ApprovalProbability(int control, int arc) =>
        ValueOr(_scenario.ControlArcApproval[(control * _net.ArcCount) + arc], 0);

    /// <summary>
    /// Producers make up to capacity (make-to-stock ones only up to their finished-stock target) within what is
    /// left of the calendar year's quota; a day the quota cuts output counts as a quota-binding day.
    /// </summary>
    /// <summary>Days of the start's calendar year from the start on, over the days of that year.</summary>
    private double FirstYearShare()
    {
        int year = _net.Start.Year;
        int daysInYear = new DateOnly(year + 1, 1, 1).DayNumber - new DateOnly(year, 1, 1).DayNumber;
        return (daysInYear - _net.Start.DayOfYear + 1) / (double)daysInYear;
    }

    private void Produce()
    {
        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (KindOf(n) != NodeKind.Producer)
            {
                continue;
            }

            int h = HoldingOf(n, _net.OutputMaterial[n]);
            // Plus what a market's supply response added (ReferenceKernel.Markets).
            double make = (_capacity[n] * _stepDays) + (_addedCapacity[n] * _stepDays);
            if (!_net.IsPush[n])
            {
                make = Math.Min(make, Math.Max(0, (_net.CoverDays[n] * _plannedCapacity[n]) - TotalStock(h)));
            }

            // In the run's first calendar year a quota grants only the part of the year left from the start.
            double quotaLeft = (_quotaAnnual[n] * (_net.YearOfStep[_step] == 0 ? FirstYearShare() : 1.0)) - _producedThisYear[n];
            if (quotaLeft < make)
            {
                make = Math.Max(0, quotaLeft);
                _quotaBindingSteps[n]++;
            }

            if (!(make > 0) || double.IsPositiveInfinity(make))
            {
                continue;
            }

            _stock[h][_net.NodeOrigin[n]] += make;
            _producedThisYear[n] += make;
            _produced[n] += make;
        }
    }

    /// <summary>Processors make what capacity, their output target and the scarcest input allow; output has their origin.</summary>
    private void Process()
    {
        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (KindOf(n) != NodeKind.Processor)
            {
                continue;
            }

            int output = HoldingOf(n, _net.OutputMaterial[n]);
            double make = _capacity[n] * _stepDays;
            if (!_net.IsPush[n])
            {
                make = Math.Min(make, Math.Max(0, (_net.CoverDays[n] * _plannedCapacity[n]) - TotalStock(output)));
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                make = Math.Min(make, TotalStock(HoldingOf(n, _net.RecipeMaterial[i])) / _values[_net.RecipeRatioParam[i]]);
            }

            if (!(make > 0) || double.IsPositiveInfinity(make))
            {
                continue;
            }

            for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
            {
                TakeProRata(HoldingOf(n, _net.RecipeMaterial[i]), make * _values[_net.RecipeRatioParam[i]]);
            }

            _stock[output][_net.NodeOrigin[n]] += make;
        }
    }
}
