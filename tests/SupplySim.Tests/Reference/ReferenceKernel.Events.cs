using SupplySim.Model;

namespace SupplySim.Tests.Reference;

/// <summary>Step 1: today's capacities, quotas, enforcement, lane states, demand multipliers and release rules.</summary>
internal sealed partial class ReferenceKernel
{
    private readonly double[] _capacity;
    private readonly double[] _quotaAnnual;
    private readonly double[] _leak;
    private readonly double[] _interdiction;
    private readonly double[] _releaseRate;
    private readonly double[] _releaseBelow;
    private readonly bool[] _releaseArcOn;
    private readonly double[] _laneCapacity;
    private readonly bool[] _laneOpen;
    private readonly double[] _demandMultiplier;

    /// <summary>Per node: tonnes dispatched today (a transshipper's forwarding capacity is per step).</summary>
    private readonly double[] _shippedToday;

    /// <summary>Per lane: tonnes of its capacity taken today.</summary>
    private readonly double[] _laneUsedToday;

    /// <summary>
    /// Re-derives everything events can change from the network's values, every step, then applies the events
    /// active today in the compiled order (by kind: quota, enforcement, capacity change, demand shock, release,
    /// disruption), so a disruption scales a changed capacity.
    /// </summary>
    private void ApplyEvents(int step)
    {
        Array.Clear(_shippedToday);
        Array.Clear(_laneUsedToday);
        if (_net.YearOfStep[step] != _year)
        {
            _year = _net.YearOfStep[step];
            Array.Clear(_producedThisYear);
        }

        for (int n = 0; n < _net.NodeCount; n++)
        {
            _capacity[n] = _baseCapacity[n];
            _plannedCapacity[n] = _baseCapacity[n];
            _quotaAnnual[n] = _net.QuotaParam[n] >= 0 ? _values[_net.QuotaParam[n]] * DaysPerYear : double.PositiveInfinity;
            _leak[n] = ValueOr(_net.LeakParam[n], 1);
            _interdiction[n] = ValueOr(_net.InterdictionParam[n], 0);
            _releaseRate[n] = ValueOr(_net.ReleaseRateParam[n], 0);
            _releaseBelow[n] = ValueOr(_net.ReleaseBelowCoverParam[n], double.NaN);
        }

        for (int a = 0; a < _net.ArcCount; a++)
        {
            _releaseArcOn[a] = _net.ArcIsRelease[a] && _net.ReleaseRateParam[_net.ArcFrom[a]] >= 0;
        }

        for (int lane = 0; lane < _net.LaneCount; lane++)
        {
            _laneCapacity[lane] = _net.LaneCapacityParam[lane] >= 0 ? _values[_net.LaneCapacityParam[lane]] * _stepDays : double.PositiveInfinity;
            _laneOpen[lane] = true;
        }

        Array.Fill(_demandMultiplier, 1.0);
        for (int e = 0; e < _scenario.Events.Length; e++)
        {
            var ev = _scenario.Events[e];
            // An outage runs its drawn duration past its event's end; every other event stops there.
            if (step >= ev.StartStep && (step < ev.EndStep || ev.Kind == EventKind.Disruption))
            {
                ApplyEvent(ev, e, step);
            }
        }

        // A plant plans its inputs and stock on its capacity after today's capacity changes (not outages).
        for (int h = 0; h < _meanNeed.Length; h++)
        {
            _meanNeed[h] = MeanNeedOf(h);
        }
    }

    private void ApplyEvent(CompiledEvent ev, int index, int step)
    {
        switch (ev.Kind)
        {
            case EventKind.Quota:
                // Shared by the producers in proportion to this trial's drawn capacities (1 for a producer without one).
                double[] weights = [.. ev.Nodes.Select(n => ValueOr(_net.CapacityParam[n], 1))];
                double total = weights.Sum();
                for (int i = 0; i < ev.Nodes.Length; i++)
                {
                    int n = ev.Nodes[i];
                    double share = total > 0 ? weights[i] / total : 1.0 / ev.Nodes.Length;
                    _quotaAnnual[n] = Math.Min(_quotaAnnual[n], _values[ev.ValueParam] * DaysPerYear * share);
                }

                break;
            case EventKind.Enforcement:
                _leak[ev.Nodes[0]] = ValueOr(ev.ValueParam, _leak[ev.Nodes[0]]);
                _interdiction[ev.Nodes[0]] = ValueOr(ev.SecondParam, _interdiction[ev.Nodes[0]]);
                break;
            case EventKind.CapacityChange:
                ChangeCapacity(ev, step);
                break;
            case EventKind.DemandShock:
                foreach (int h in ev.Holdings)
                {
                    _demandMultiplier[h] *= _values[ev.ValueParam];
                }

                break;
            case EventKind.StockpileRelease:
                OverrideReleaseRule(ev);
                break;
            case EventKind.Disruption:
                Disrupt(ev, index, step);
                break;
        }
    }

    /// <summary>A new capacity (or a multiple of today's), reached by a linear ramp; a node without one just gets it.</summary>
    private void ChangeCapacity(CompiledEvent ev, int step)
    {
        int n = ev.Nodes[0];
        double before = _capacity[n];
        double target = ev.ValueParam >= 0 ? _values[ev.ValueParam] : before * _values[ev.SecondParam];
        double rampSteps = ev.RampParam >= 0 ? Math.Ceiling(_values[ev.RampParam] / _stepDays) : 0;
        double progress = ev.RampParam >= 0 ? Math.Min(1.0, (step - ev.StartStep + 1) / rampSteps) : 1.0;
        _capacity[n] = double.IsPositiveInfinity(before) ? target : before + ((target - before) * progress);
        _plannedCapacity[n] = _capacity[n];
    }

    /// <summary>While active, the event's rule replaces the stockpile's own: its rate, threshold and consumers.</summary>
    private void OverrideReleaseRule(CompiledEvent ev)
    {
        int n = ev.Nodes[0];
        _releaseRate[n] = _values[ev.ValueParam];
        _releaseBelow[n] = ValueOr(ev.SecondParam, double.NaN);
        for (int a = 0; a < _net.ArcCount; a++)
        {
            if (_net.ArcIsRelease[a] && _net.ArcFrom[a] == n)
            {
                _releaseArcOn[a] = ev.Arcs.Contains(a);
            }
        }
    }

    /// <summary>
    /// Outside an outage, an outage starts today with probability rate × step / year and lasts a drawn number of
    /// steps; during one, the node loses a fraction of capacity, or the lane is throttled (closed if all is lost).
    /// </summary>
    private void Disrupt(CompiledEvent ev, int index, int step)
    {
        if (_outageUntil[index] <= step && step < ev.EndStep)
        {
            double chance = _values[ev.ValueParam] * _stepDays / DaysPerYear;
            if (_disruptionRng[index].NextDouble() < chance)
            {
                _outageUntil[index] = step + DrawSteps(ev.SecondParam, ref _disruptionRng[index]);
            }
        }

        if (_outageUntil[index] <= step)
        {
            return;
        }

        double lost = _values[ev.ThirdParam];
        if (ev.Lane >= 0)
        {
            _laneCapacity[ev.Lane] = lost >= 1 ? 0 : _laneCapacity[ev.Lane] * (1 - lost);
            _laneOpen[ev.Lane] = lost < 1;
        }
        else
        {
            _capacity[ev.Nodes[0]] = lost >= 1 ? 0 : _capacity[ev.Nodes[0]] * (1 - lost);

            // Wholly out, the node's lanes close as a lane outage's would: buyers reroute.
            for (int a = 0; a < _net.ArcCount; a++)
            {
                if (lost >= 1 && _net.ArcFrom[a] == ev.Nodes[0] && _net.ArcLane[a] >= 0)
                {
                    _laneOpen[_net.ArcLane[a]] = false;
                }
            }
        }
    }
}
