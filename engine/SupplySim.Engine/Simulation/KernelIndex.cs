using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Lookups the kernel (<see cref="TrialKernel{T, TMask}"/>) derives from a compiled network, so
/// its hot loops index flat arrays instead of dividing or chasing per-node fields. Immutable, built once per
/// network and shared by every kernel.
/// </summary>
internal sealed class KernelIndex
{
    private static readonly ConditionalWeakTable<CompiledNetwork, KernelIndex> Shared = new();

    private KernelIndex(CompiledNetwork network)
    {
        int m = network.MaterialCount, holdings = network.NodeCount * m;
        SupplierHoldings = [.. Enumerable.Range(0, holdings).Where(h => network.OutStart[h + 1] > network.OutStart[h])];
        BuyerHoldings = [.. Enumerable.Range(0, holdings).Where(h => network.InStart[h + 1] > network.InStart[h])];
        Producers = [.. Enumerable.Range(0, network.NodeCount).Where(n => network.NodeKind[n] == NodeKind.Producer)];
        Processors = [.. Enumerable.Range(0, network.NodeCount).Where(n => network.NodeKind[n] == NodeKind.Processor)];
        NodeOf = [.. Enumerable.Range(0, holdings).Select(h => h / m)];
        MaterialOf = [.. Enumerable.Range(0, holdings).Select(h => h % m)];
        SupplierOfArc = [.. Enumerable.Range(0, network.ArcCount).Select(a => (network.ArcFrom[a] * m) + network.ArcMaterial[a])];
        BuyerOfArc = [.. Enumerable.Range(0, network.ArcCount).Select(a => (network.ArcTo[a] * m) + network.ArcMaterial[a])];
        ArcDelayParam = [.. network.ArcFrom.Select(from => network.DelayParam[from])];
        ArcPipeMaxSteps = [.. network.ArcPipeLength.Select(length => length - 1)];
        RingLengths = [.. network.ArcPipeLength.Distinct().Order()];
        ArcRingClass = [.. network.ArcPipeLength.Select(length => Array.BinarySearch(RingLengths, length))];
        FromTransshipper = [.. network.ArcFrom.Select(from => network.NodeKind[from] == NodeKind.Transshipper)];
        ArcFromOrigin = [.. network.ArcFrom.Select(from => network.NodeOrigin[from])];
        ReceivesShipments = new bool[holdings];
        foreach (int h in BuyerOfArc)
        {
            ReceivesShipments[h] = true;
        }
    }

    /// <summary>Holdings that ship on lanes (have outbound arcs).</summary>
    public int[] SupplierHoldings { get; }

    /// <summary>Holdings that order on lanes (have inbound arcs).</summary>
    public int[] BuyerHoldings { get; }

    /// <summary>Per holding: does any arc deliver to it (only such stock can mix origins)?</summary>
    public bool[] ReceivesShipments { get; }

    public int[] Producers { get; }

    public int[] Processors { get; }

    /// <summary>Per holding <c>h = node * M + material</c>: its node.</summary>
    public int[] NodeOf { get; }

    /// <summary>Per holding: its material.</summary>
    public int[] MaterialOf { get; }

    /// <summary>Per arc: the holding it ships from.</summary>
    public int[] SupplierOfArc { get; }

    /// <summary>Per arc: the holding it delivers to.</summary>
    public int[] BuyerOfArc { get; }

    /// <summary>Per arc: its supplier's transshipment delay parameter, or -1.</summary>
    public int[] ArcDelayParam { get; }

    /// <summary>Per arc: the longest lead in steps its pipeline holds.</summary>
    public int[] ArcPipeMaxSteps { get; }

    /// <summary>The distinct lengths of the arcs' pipeline rings, ascending (a few: lead-time bounds in whole steps).</summary>
    public int[] RingLengths { get; }

    /// <summary>Per arc: its ring's length as an index into <see cref="RingLengths"/>.</summary>
    public int[] ArcRingClass { get; }

    public bool[] FromTransshipper { get; }

    /// <summary>Per arc: the origin class of its supplier.</summary>
    public int[] ArcFromOrigin { get; }

    public static KernelIndex For(CompiledNetwork network) => Shared.GetValue(network, n => new KernelIndex(n));
}

/// <summary>Purpose keys of a trial's random streams (see <see cref="Rng.ForStream"/>); part of the results format.</summary>
internal static class TrialStreams
{
    public const ulong Demand = 1UL << 56;
    public const ulong Lead = 2UL << 56;
    public const ulong Licence = 3UL << 56;
    public const ulong Interdiction = 4UL << 56;
    public const ulong Disruption = 5UL << 56;
}
