namespace SupplySim.Model;

/// <summary>
/// One dated event acting on nodes, lanes or holdings between <see cref="StartStep"/> (inclusive) and
/// <see cref="EndStep"/> (exclusive). Parameter fields are indices into the network's <see cref="ParameterTable"/>,
/// -1 when absent.
/// </summary>
internal sealed class CompiledEvent
{
    public EventKind Kind { get; init; }

    public int StartStep { get; init; }

    public int EndStep { get; init; }

    /// <summary>Target nodes (quota, enforcement, disruption, capacity change, stockpile release).</summary>
    public int[] Nodes { get; init; } = [];

    /// <summary>Target lane of a lane disruption, else -1.</summary>
    public int Lane { get; init; } = -1;

    /// <summary>Target holdings (demand shock).</summary>
    public int[] Holdings { get; init; } = [];

    /// <summary>Release arcs a stockpile release may use.</summary>
    public int[] Arcs { get; init; } = [];

    public int ValueParam { get; init; } = -1;

    public int SecondParam { get; init; } = -1;

    public int ThirdParam { get; init; } = -1;

    /// <summary>
    /// Capacity change: the longest linear ramp in steps (the ramp's upper bound), so the steps that must be re-derived
    /// are known before any trial; 0 when there is no ramp.
    /// </summary>
    public int RampSteps { get; init; }

    /// <summary>Capacity change: the ramp's length in days, drawn per trial like any parameter; -1 without a ramp.</summary>
    public int RampParam { get; init; } = -1;

    /// <summary>
    /// Disruption: the longest outage in steps. Outages start only inside the event's window but run their drawn
    /// duration, so the kernel re-derives state until this many steps after the window ends.
    /// </summary>
    public int LongestOutageSteps { get; init; }

    /// <summary>Disruption: random-stream key, so outages are the same draws in every scenario that has the event.</summary>
    public ulong StreamKey { get; init; }
}
