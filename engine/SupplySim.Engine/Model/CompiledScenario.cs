namespace SupplySim.Model;

/// <summary>
/// A scenario lowered against a <see cref="CompiledNetwork"/>: export controls become a gate table (which control,
/// if any, acts on each arc, step and origin class), other events a list applied each step. The baseline is a
/// scenario with no events. Immutable; created by <see cref="NetworkCompiler"/>.
/// </summary>
public sealed class CompiledScenario
{
    internal CompiledScenario()
    {
    }

    /// <summary>Scenario id (<c>baseline</c> for the network without events).</summary>
    public string Id { get; internal init; } = "";

    /// <summary>What the scenario represents.</summary>
    public string Description { get; internal init; } = "";

    /// <summary>Step of the first event (0 for the baseline); time to shortage is measured from it.</summary>
    public int FirstEventStep { get; internal init; }

    /// <summary>Export-control ids (or generated names), by control index.</summary>
    public IReadOnlyList<string> ControlNames { get; internal init; } = [];

    /// <summary>Number of export controls.</summary>
    public int ControlCount => ControlNames.Count;

    internal bool[] ControlIsBan { get; init; } = [];

    internal bool[] ControlExtraterritorial { get; init; } = [];

    internal int[] ControlProcessingParam { get; init; } = [];

    /// <summary>Mean licence processing time of each control in days (whole steps); 0 for bans.</summary>
    internal double[] ControlMeanProcessingDays { get; init; } = [];

    /// <summary>Per control and arc (<c>k * ArcCount + a</c>): approval parameter, or -1 for always denied.</summary>
    internal int[] ControlArcApproval { get; init; } = [];

    /// <summary>Per control: licence validity parameter (days, drawn per approval), or -1 when every shipment applies.</summary>
    internal int[] ControlValidityParam { get; init; } = [];

    /// <summary>Per control: origin class of the exporting country; licences carry over between its controls.</summary>
    internal int[] ControlExporter { get; init; } = [];

    /// <summary>Licence ring-buffer length: longest processing time in steps plus one, rounded up to a power of two.</summary>
    internal int LicenceRingLength { get; init; } = 1;

    /// <summary>Which control gates each arc, origin and step; null when no controls.</summary>
    internal ControlGate? Gate { get; init; }

    internal CompiledEvent[] Events { get; init; } = [];

    /// <summary>Per step: must the kernel re-derive capacities, quotas and the rest (<see cref="EventDerivation"/>)?</summary>
    internal bool[] DeriveEventState { get; init; } = [];
}
