using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>Licence validity for a batch; the rule is documented on the scalar kernel (<c>TrialKernel.Licences.cs</c>).</summary>
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
