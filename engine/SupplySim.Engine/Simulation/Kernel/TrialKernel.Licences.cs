using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>
/// Licence validity (<c>validity</c> on a licensing export control). An approval under a control with a validity
/// draws V days from the arc's licence stream, right after the approval draw, and the arc (one supplier, buyer and
/// material) then holds a licence for steps <c>[approval step, approval step + ceil(V / step days))</c>; a later
/// approval extends it to the later end. While it holds, a shipment on the arc whose gate names a control of the
/// same exporter that also has a validity and approves this arc with a probability above 0 ships at once (lead
/// time only, no licence queue, no approval draw, not counted as applied, approved or denied), and buyers see the
/// lane as approval 1 with no licence days. Licences carry over between such controls because a scenario splits
/// one legal regime into phases with different approval rates (e.g. No. 18 in 2025); a ban, a control without
/// validity or one that denies the arc still gates every shipment. Without any validity nothing here draws.
/// Validity draws are per trial (lane by lane), since each trial's approvals differ.
/// </summary>
internal sealed partial class TrialKernel<T, TMask>
{
    /// <summary>The trials in which arc <paramref name="a"/> holds a licence valid for control <paramref name="k"/> at <paramref name="step"/>.</summary>
    private TMask HoldsValidLicence(int a, int k, int step)
    {
        int approval = _scenario.ControlArcApproval[(k * _arcs) + a];
        if (_scenario.ControlValidityParam[k] < 0 || approval < 0)
        {
            return None;
        }

        var s = _s;
        return And(And(Eq(s.LicenceValidExporter[a], T.Create((double)_scenario.ControlExporter[k])),
               Lt(T.Create((double)step), s.LicenceValidUntil[a])), Gt(s.Values[approval], T.Zero));
    }

    /// <summary>Approvals under a control with a validity draw it per trial, right after the approval draw.</summary>
    private void GrantLicence(int a, int k, int step, TMask granted)
    {
        int validity = _scenario.ControlValidityParam[k];
        if (validity < 0)
        {
            return;
        }

        var s = _s;
        double exporter = _scenario.ControlExporter[k];
        ref var rng = ref s.LicenceRng[a];
        for (uint bits = Bits(granted); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            var one = rng.GetLane(lane);
            double days = Sampler.Sample(_params, validity, ref one);
            rng.SetLane(lane, one);
            int until = step + (int)Math.Ceiling((days / _stepDays) - 1e-9);
            ref double validUntil = ref At(s.LicenceValidUntil, a, lane);
            ref double validExporter = ref At(s.LicenceValidExporter, a, lane);
            if (validExporter == exporter)
            {
                until = Math.Max(until, (int)validUntil);
            }

            validExporter = exporter;
            validUntil = until;
        }
    }
}
