using SupplySim.Model;
using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>Step 1 for a block: the events active today set capacities, quotas, enforcement, multipliers, releases.</summary>
internal sealed partial class TrialKernel<T, TMask>
{
    private static readonly T PositiveInfinity = T.Create(double.PositiveInfinity);
    private static readonly T NaN = T.Create(double.NaN);

    private void ApplyEvents(int step)
    {
        var s = _s;
        s.NodeShipped.Clear();
        s.LaneUsed.Clear();
        if (_net.YearOfStep[step] != s.CurrentYear)
        {
            s.CurrentYear = _net.YearOfStep[step];
            s.ProducedThisYear.Clear();
        }

        if (!_scenario.DeriveEventState[step])
        {
            return;
        }

        var values = s.Values;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            s.Capacity[n] = s.BaseCapacity[n];
            s.PlannedCapacity[n] = s.BaseCapacity[n];
            s.QuotaAnnual[n] = _net.QuotaParam[n] >= 0 ? values[_net.QuotaParam[n]] * DaysPerYear : PositiveInfinity;
            s.Leak[n] = _net.LeakParam[n] >= 0 ? values[_net.LeakParam[n]] : T.One;
            s.Interdiction[n] = _net.InterdictionParam[n] >= 0 ? values[_net.InterdictionParam[n]] : T.Zero;
            s.ReleaseRate[n] = _net.ReleaseRateParam[n] >= 0 ? values[_net.ReleaseRateParam[n]] : T.Zero;
            s.ReleaseBelow[n] = _net.ReleaseBelowCoverParam[n] >= 0 ? values[_net.ReleaseBelowCoverParam[n]] : NaN;
        }

        for (int a = 0; a < _arcs; a++)
        {
            s.ReleaseArcOn[a] = _net.ArcIsRelease[a] && _net.ReleaseRateParam[_net.ArcFrom[a]] >= 0;
        }

        for (int lane = 0; lane < _net.LaneCount; lane++)
        {
            s.LaneCapacity[lane] = _net.LaneCapacityParam[lane] >= 0 ? values[_net.LaneCapacityParam[lane]] * _stepDays : PositiveInfinity;
            s.LaneOpen[lane] = True;
        }

        s.DemandMultiplier.Fill(T.One);

        var events = _scenario.Events;
        for (int e = 0; e < events.Length; e++)
        {
            var ev = events[e];
            if (step < ev.StartStep || (step >= ev.EndStep && ev.Kind != EventKind.Disruption))
            {
                continue;
            }

            switch (ev.Kind)
            {
                case EventKind.Quota:
                    ApplyQuota(ev);
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

        foreach (int n in _replannedNodes)
        {
            Replan(n);
        }
    }

    /// <summary>
    /// A quota caps its producers' output per calendar year. A country's quota is shared in proportion to its
    /// producers' capacities as this trial drew them (a producer without a capacity counts as 1), so the country can
    /// make its whole quota whenever its capacity allows; a node's quota is all its own.
    /// </summary>
    private void ApplyQuota(CompiledEvent ev)
    {
        var s = _s;
        var values = s.Values;
        var total = T.Zero;
        foreach (int n in ev.Nodes)
        {
            total += QuotaWeight(n);
        }

        var even = T.Create(1.0 / Math.Max(1, ev.Nodes.Length));
        foreach (int n in ev.Nodes)
        {
            var share = Where(Gt(total, T.Zero), QuotaWeight(n) / total, even);
            s.QuotaAnnual[n] = Min(s.QuotaAnnual[n], values[ev.ValueParam] * DaysPerYear * share);
        }
    }

    private T QuotaWeight(int n) => _net.CapacityParam[n] >= 0 ? _s.Values[_net.CapacityParam[n]] : T.One;

    /// <summary>
    /// A plant whose capacity a scenario changes (a new line, a closure) plans on the changed capacity: the mean use
    /// of its inputs, and of its output stock, follow it, so its orders and stock targets grow with the plant.
    /// Outages do not change plans. As <see cref="MeanNeedOf"/> at the start, for holdings without demand.
    /// </summary>
    private void Replan(int n)
    {
        var s = _s;
        var planned = s.PlannedCapacity[n];
        var capacity = Where(Eq(planned, PositiveInfinity), T.Zero, planned);
        int output = (n * _m) + _net.OutputMaterial[n];
        if (_net.OutputMaterial[n] >= 0 && _net.DemandParam[output] < 0)
        {
            s.MeanNeed[output] = capacity;
        }

        for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
        {
            int h = (n * _m) + _net.RecipeMaterial[i];
            if (_net.DemandParam[h] < 0 && _net.RecipeMaterial[i] != _net.OutputMaterial[n])
            {
                s.MeanNeed[h] = capacity * s.Values[_net.RecipeRatioParam[i]];
            }
        }
    }

    private void ApplyCapacityChange(CompiledEvent ev, int step)
    {
        int n = ev.Nodes[0];
        var before = _s.Capacity[n];
        var target = ev.ValueParam >= 0 ? _s.Values[ev.ValueParam] : before * _s.Values[ev.SecondParam];
        _s.Capacity[n] = Where(Eq(before, PositiveInfinity), target, before + ((target - before) * RampProgress(ev, step)));
        _s.PlannedCapacity[n] = _s.Capacity[n];
    }

    /// <summary>
    /// The share of a capacity change reached by this step: each trial ramps over its own drawn length (a whole number
    /// of steps, at least the step it starts), so an uncertain ramp varies between trials as every parameter does.
    /// A ramp of 0 days divides by 0 steps, and the minimum makes that the whole change at once.
    /// </summary>
    private T RampProgress(CompiledEvent ev, int step)
    {
        if (ev.RampParam < 0)
        {
            return T.One;
        }

        var rampSteps = T.Ceiling(_s.Values[ev.RampParam] / _stepDays);
        return Min(T.One, T.Create(step - ev.StartStep + 1) / rampSteps);
    }

    private void ApplyStockpileRelease(CompiledEvent ev)
    {
        int n = ev.Nodes[0];
        _s.ReleaseRate[n] = _s.Values[ev.ValueParam];
        _s.ReleaseBelow[n] = ev.SecondParam >= 0 ? _s.Values[ev.SecondParam] : NaN;
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

    /// <summary>
    /// Outages: a Bernoulli draw per step of the event's window in the trials without one, durations drawn per trial
    /// that starts one; an outage runs its whole duration, past the window's end if need be (the window bounds when
    /// outages start, not how long they last).
    /// </summary>
    private void ApplyDisruption(CompiledEvent ev, int index, int step)
    {
        var s = _s;
        ref var rng = ref s.DisruptionRng[index];
        var stepValue = T.Create((double)step);
        var idle = Le(s.OutageUntil[index], stepValue);
        if (step < ev.EndStep && Any(idle))
        {
            var chance = s.Values[ev.ValueParam] * _stepDays / DaysPerYear;
            var starts = And(idle, Lt(rng.NextDouble(idle), chance));
            for (uint bits = Bits(starts); bits != 0; bits &= bits - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
                var laneRng = rng.GetLane(lane);
                At(s.OutageUntil, index, lane) = step + Sampler.DrawSteps(_params, ev.SecondParam, ref laneRng, _stepDays);
                rng.SetLane(lane, laneRng);
            }
        }

        var down = Gt(s.OutageUntil[index], stepValue);
        if (!Any(down))
        {
            return;
        }

        var lost = s.Values[ev.ThirdParam];
        if (ev.Lane >= 0)
        {
            var closes = Ge(lost, T.One);
            s.LaneCapacity[ev.Lane] = Where(down, Where(closes, T.Zero, s.LaneCapacity[ev.Lane] * (T.One - lost)), s.LaneCapacity[ev.Lane]);
            s.LaneOpen[ev.Lane] = Where(down, Lt(lost, T.One), s.LaneOpen[ev.Lane]);
        }
        else
        {
            int n = ev.Nodes[0];
            var closes = And(down, Ge(lost, T.One));

            // Wholly out is 0, also for a node without a capacity (∞ × 0 would be NaN, which vector and scalar
            // minimums treat differently); a part of no capacity stays none (SS0128 says so when compiling).
            s.Capacity[n] = Where(closes, T.Zero, Where(down, s.Capacity[n] * (T.One - lost), s.Capacity[n]));
            if (Any(closes))
            {
                CloseLanesFrom(n, closes);
            }
        }
    }

    /// <summary>
    /// A node wholly out closes its lanes as a lane outage would, in the trials of <paramref name="mask"/>: its buyers
    /// cancel what they ordered there and move its share to their open lanes (DESIGN §2, lanes).
    /// </summary>
    private void CloseLanesFrom(int n, TMask mask)
    {
        var laneOpen = _s.LaneOpen;
        for (int h = n * _m; h < (n + 1) * _m; h++)
        {
            for (int i = _net.OutStart[h]; i < _net.OutStart[h + 1]; i++)
            {
                int lane = _arcLane[_net.OutArcs[i]];
                if (lane >= 0)
                {
                    laneOpen[lane] = Where(mask, None, laneOpen[lane]);
                }
            }
        }
    }
}
