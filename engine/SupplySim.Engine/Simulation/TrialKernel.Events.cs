using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>Step 1: the events active today set capacities, quotas, enforcement, demand multipliers and releases.</summary>
internal sealed partial class TrialKernel
{
    private void ApplyEvents(int step)
    {
        var s = _s;
        Array.Clear(s.NodeShipped);
        Array.Clear(s.LaneUsed);
        if (_net.YearOfStep[step] != s.CurrentYear)
        {
            s.CurrentYear = _net.YearOfStep[step];
            Array.Clear(s.ProducedThisYear);
        }

        // Unless an event starts or ends today or changes by the day, yesterday's derived state still holds.
        if (!_scenario.DeriveEventState[step])
        {
            return;
        }

        var values = s.Values;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            s.Capacity[n] = s.BaseCapacity[n];
            s.QuotaAnnual[n] = _net.QuotaParam[n] >= 0 ? values[_net.QuotaParam[n]] * DaysPerYear : double.PositiveInfinity;
            s.Leak[n] = _net.LeakParam[n] >= 0 ? values[_net.LeakParam[n]] : 1;
            s.Interdiction[n] = _net.InterdictionParam[n] >= 0 ? values[_net.InterdictionParam[n]] : 0;
            s.ReleaseRate[n] = _net.ReleaseRateParam[n] >= 0 ? values[_net.ReleaseRateParam[n]] : 0;
            s.ReleaseBelow[n] = _net.ReleaseBelowCoverParam[n] >= 0 ? values[_net.ReleaseBelowCoverParam[n]] : double.NaN;
        }

        for (int a = 0; a < _arcs; a++)
        {
            s.ReleaseArcOn[a] = _net.ArcIsRelease[a] && _net.ReleaseRateParam[_net.ArcFrom[a]] >= 0;
        }

        for (int lane = 0; lane < _net.LaneCount; lane++)
        {
            s.LaneCapacity[lane] = _net.LaneCapacityParam[lane] >= 0 ? values[_net.LaneCapacityParam[lane]] * _stepDays : double.PositiveInfinity;
            s.LaneOpen[lane] = true;
        }

        Array.Fill(s.DemandMultiplier, 1.0);

        var events = _scenario.Events;
        for (int e = 0; e < events.Length; e++)
        {
            var ev = events[e];
            if (step < ev.StartStep || step >= ev.EndStep)
            {
                continue;
            }

            switch (ev.Kind)
            {
                case EventKind.Quota:
                    for (int i = 0; i < ev.Nodes.Length; i++)
                    {
                        int n = ev.Nodes[i];
                        s.QuotaAnnual[n] = Math.Min(s.QuotaAnnual[n], values[ev.ValueParam] * DaysPerYear * ev.NodeShares[i]);
                    }

                    break;
                case EventKind.Enforcement:
                    if (ev.ValueParam >= 0) { s.Leak[ev.Nodes[0]] = values[ev.ValueParam]; }
                    if (ev.SecondParam >= 0) { s.Interdiction[ev.Nodes[0]] = values[ev.SecondParam]; }
                    break;
                case EventKind.CapacityChange:
                    ApplyCapacityChange(ev, step);
                    break;
                case EventKind.DemandShock:
                    foreach (int h in ev.Holdings)
                    {
                        s.DemandMultiplier[h] *= values[ev.ValueParam];
                    }

                    break;
                case EventKind.StockpileRelease:
                    ApplyStockpileRelease(ev);
                    break;
                case EventKind.Disruption:
                    ApplyDisruption(ev, e, step);
                    break;
            }
        }
    }

    private void ApplyCapacityChange(CompiledEvent ev, int step)
    {
        int n = ev.Nodes[0];
        double before = _s.Capacity[n];
        double target = ev.ValueParam >= 0 ? _s.Values[ev.ValueParam] : before * _s.Values[ev.SecondParam];
        if (double.IsPositiveInfinity(before))
        {
            _s.Capacity[n] = target;
            return;
        }

        double progress = ev.RampSteps > 0 ? Math.Min(1.0, (step - ev.StartStep + 1) / (double)ev.RampSteps) : 1.0;
        _s.Capacity[n] = before + ((target - before) * progress);
    }

    private void ApplyStockpileRelease(CompiledEvent ev)
    {
        int n = ev.Nodes[0];
        _s.ReleaseRate[n] = _s.Values[ev.ValueParam];
        _s.ReleaseBelow[n] = ev.SecondParam >= 0 ? _s.Values[ev.SecondParam] : double.NaN;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            for (int i = _net.ReleaseStart[h]; i < _net.ReleaseStart[h + 1]; i++)
            {
                _s.ReleaseArcOn[_net.ReleaseArcs[i]] = false;
            }
        }

        foreach (int arc in ev.Arcs)
        {
            _s.ReleaseArcOn[arc] = true;
        }
    }

    /// <summary>Outages arrive as a Bernoulli trial per step (rate × step / year) and last a drawn duration.</summary>
    private void ApplyDisruption(CompiledEvent ev, int index, int step)
    {
        ref var rng = ref _s.DisruptionRng[index];
        if (_s.OutageUntil[index] <= step)
        {
            double chance = _s.Values[ev.ValueParam] * _stepDays / DaysPerYear;
            if (rng.NextDouble() < chance)
            {
                _s.OutageUntil[index] = step + Sampler.DrawSteps(_params, ev.SecondParam, ref rng, _stepDays);
            }
        }

        if (_s.OutageUntil[index] <= step)
        {
            return;
        }

        double lost = _s.Values[ev.ThirdParam];
        if (ev.Lane >= 0)
        {
            // A lane without a stated capacity can only be closed, not partly throttled.
            _s.LaneCapacity[ev.Lane] = lost >= 1 ? 0 : _s.LaneCapacity[ev.Lane] * (1 - lost);
            _s.LaneOpen[ev.Lane] = lost < 1;
        }
        else
        {
            _s.Capacity[ev.Nodes[0]] *= 1 - lost;
        }
    }
}
