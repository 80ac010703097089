using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Where pending licence applications live in <see cref="KernelScratch{T, TMask}.Licence"/>: per arc, a ring of decision
/// steps, and per step one cell per licensing control that can gate the arc (a control gates one origin, its
/// exporter's, so the origin needs no cell of its own: half the queue with two origin classes). Keeping each control's
/// applications apart means an application is decided under the control it was made under, even when another
/// control has taken over the lane since (e.g. a licence regime replaced by a stricter one).
/// Layout: <c>Base[a] + (slot * Controls(a)) + local</c>.
/// </summary>
internal sealed class LicenceQueueLayout
{
    private static readonly ConditionalWeakTable<CompiledScenario, LicenceQueueLayout> Shared = new();

    private LicenceQueueLayout(CompiledNetwork network, CompiledScenario scenario)
    {
        int arcs = network.ArcCount, o = network.OriginCount, controls = scenario.ControlCount;
        Ring = scenario.LicenceRingLength;
        LocalIndex = new int[controls * arcs];
        Array.Fill(LocalIndex, -1);
        var perArc = new List<int>[arcs];
        for (int a = 0; a < arcs; a++)
        {
            perArc[a] = [];
        }

        if (scenario.Gate?.Cells is { } gate)
        {
            for (int i = 0; i < gate.Length; i++)
            {
                int k = gate[i], a = i / o % arcs;
                if (k >= 0 && !scenario.ControlIsBan[k] && !perArc[a].Contains(k))
                {
                    perArc[a].Add(k);
                }
            }
        }

        ControlStart = new int[arcs + 1];
        Base = new int[arcs + 1];
        for (int a = 0; a < arcs; a++)
        {
            perArc[a].Sort();
            for (int local = 0; local < perArc[a].Count; local++)
            {
                LocalIndex[(perArc[a][local] * arcs) + a] = local;
            }

            ControlStart[a + 1] = ControlStart[a] + perArc[a].Count;
            Base[a + 1] = Base[a] + (Ring * perArc[a].Count);
        }

        Controls = [.. perArc.SelectMany(list => list)];
    }

    /// <summary>Decision steps held per arc (a power of two; waits are capped below it).</summary>
    public int Ring { get; }

    /// <summary>Licensing controls per arc, ascending: <c>Controls[ControlStart[a] .. ControlStart[a + 1])</c>.</summary>
    public int[] Controls { get; }

    public int[] ControlStart { get; }

    /// <summary>First cell of arc <c>a</c>; <c>Base[arcs]</c> is the total number of cells.</summary>
    public int[] Base { get; }

    /// <summary>Position of control <c>k</c> among arc <c>a</c>'s, <c>[k * arcs + a]</c>; -1 if it never gates the arc.</summary>
    public int[] LocalIndex { get; }

    public int CellCount => Base[^1];

    /// <summary>The layout of <paramref name="scenario"/>, built once and shared by every kernel that runs it.</summary>
    public static LicenceQueueLayout For(CompiledNetwork network, CompiledScenario scenario) =>
        Shared.GetValue(scenario, s => new LicenceQueueLayout(network, s));
}
