using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>
/// Licence validity, written from its definition (docs/scenario-format.md, "Licence validity"): an approval under a
/// control with a <c>validity</c> draws V days from the arc's licence stream and the arc then holds a licence until
/// step <c>approval + ceil(V / step days)</c> (a later approval by the same exporter keeps the later end). While it
/// holds, shipments under any licensing control of that exporter with a validity, whose approval for the arc is
/// above 0, ship without applying; buyers see such a lane as approval 1 with no licence days.
/// </summary>
internal sealed partial class ReferenceKernel
{
    private int[] _licenceValidUntil = [];
    private int[] _licenceValidExporter = [];

    private void ResetLicenceValidity(int arcs)
    {
        _licenceValidUntil = new int[arcs];
        _licenceValidExporter = [.. Enumerable.Repeat(-1, arcs)];
    }

    private bool HoldsValidLicence(int arc, int control, int step) =>
        _scenario.ControlValidityParam[control] >= 0 &&
        _licenceValidExporter[arc] == _scenario.ControlExporter[control] &&
        step < _licenceValidUntil[arc] &&
        ApprovalProbability(control, arc) > 0;

    /// <summary>Called once per control approved on the arc today, in ascending control order, after the approval draw.</summary>
    private void GrantLicence(int arc, int control, int step)
    {
        int validity = _scenario.ControlValidityParam[control];
        if (validity < 0)
        {
            return;
        }

        double days = Sampler.Sample(_table, validity, ref _licenceRng[arc]);
        int until = step + (int)Math.Ceiling((days / _stepDays) - 1e-9);
        int exporter = _scenario.ControlExporter[control];
        if (_licenceValidExporter[arc] == exporter)
        {
            until = Math.Max(until, _licenceValidUntil[arc]);
        }

        _licenceValidExporter[arc] = exporter;
        _licenceValidUntil[arc] = until;
    }
}
