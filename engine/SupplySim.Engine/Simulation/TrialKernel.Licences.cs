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
/// </summary>
internal sealed partial class TrialKernel
{
    private bool HoldsValidLicence(int a, int k, int step)
    {
        var s = _s;
        if (_scenario.ControlValidityParam[k] < 0 || s.LicenceValidExporter[a] != _scenario.ControlExporter[k] ||
            step >= s.LicenceValidUntil[a])
        {
            return false;
        }

        int approval = _scenario.ControlArcApproval[(k * _arcs) + a];
        return approval >= 0 && s.Values[approval] > 0;
    }

    private void GrantLicence(int a, int k, int step)
    {
        int validity = _scenario.ControlValidityParam[k];
        if (validity < 0)
        {
            return;
        }

        var s = _s;
        double days = Sampler.Sample(_params, validity, ref s.LicenceRng[a]);
        int until = step + (int)Math.Ceiling((days / _stepDays) - 1e-9);
        if (s.LicenceValidExporter[a] == _scenario.ControlExporter[k])
        {
            until = Math.Max(until, s.LicenceValidUntil[a]);
        }

        s.LicenceValidExporter[a] = _scenario.ControlExporter[k];
        s.LicenceValidUntil[a] = until;
    }
}
