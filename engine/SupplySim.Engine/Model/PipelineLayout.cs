namespace SupplySim.Model;

/// <summary>
/// Where material in transit lives: per arc, a ring of steps as long as the arc's longest transit
/// (<see cref="CompiledNetwork.ArcPipeLength"/>), and per step one cell for each origin class the arc can carry.
/// Arc <c>a</c>'s slot <c>s</c> and origin <c>o</c> is cell <c>Cell[a] + (s * Width(a)) + Slot[a * OriginCount + o]</c>.
/// </summary>
/// <remarks>
/// An arc carries what its supplier holds, and a holding holds its node's own origin (what it makes or starts
/// with) and what its inbound arcs bring: a producer's or processor's lanes carry one origin, only material passed on
/// through transshippers and stockpiles carries several. Cells for the origins an arc can never carry would always
/// be zero; leaving them out halves the pipeline of the shipped network, most of a kernel's state on large ones.
/// </remarks>
internal sealed class PipelineLayout
{
    private PipelineLayout(int[] cell, int[] originStart, int[] origins, int[] slot)
    {
        Cell = cell;
        OriginStart = originStart;
        Origins = origins;
        Slot = slot;
    }

    /// <summary>First cell of each arc's ring; <c>Cell[arcs]</c> is the number of cells.</summary>
    public int[] Cell { get; }

    /// <summary>Origins arc <c>a</c> can carry, ascending: <c>Origins[OriginStart[a] .. OriginStart[a + 1])</c>.</summary>
    public int[] OriginStart { get; }

    public int[] Origins { get; }

    /// <summary><c>[a * OriginCount + origin]</c>: the origin's position among arc <c>a</c>'s, or -1 if it never carries it.</summary>
    public int[] Slot { get; }

    /// <summary>Cells per step of arc <paramref name="a"/>'s ring (the origins it can carry).</summary>
    public int Width(int a) => OriginStart[a + 1] - OriginStart[a];

    /// <summary>The layout for arcs <c>(from, to, material)</c> of nodes of origin <paramref name="nodeOrigin"/>.</summary>
    public static PipelineLayout Build(IReadOnlyList<(int From, int To, int Material)> arcs, int[] ringLength, int[] nodeOrigin,
        int materials, int origins)
    {
        int holdings = nodeOrigin.Length * materials;
        var holds = new bool[holdings * origins];
        for (int h = 0; h < holdings; h++)
        {
            holds[(h * origins) + nodeOrigin[h / materials]] = true;
        }

        // What inbound arcs bring, to a fixed point (transshipper chains and stockpiles pass origins on).
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (from, to, material) in arcs)
            {
                int supplier = ((from * materials) + material) * origins, buyer = ((to * materials) + material) * origins;
                for (int o = 0; o < origins; o++)
                {
                    if (holds[supplier + o] && !holds[buyer + o])
                    {
                        holds[buyer + o] = true;
                        changed = true;
                    }
                }
            }
        }

        var cell = new int[arcs.Count + 1];
        var originStart = new int[arcs.Count + 1];
        var list = new List<int>();
        var slot = new int[arcs.Count * origins];
        Array.Fill(slot, -1);
        for (int a = 0; a < arcs.Count; a++)
        {
            int supplier = ((arcs[a].From * materials) + arcs[a].Material) * origins;
            for (int o = 0; o < origins; o++)
            {
                if (holds[supplier + o])
                {
                    slot[(a * origins) + o] = list.Count - originStart[a];
                    list.Add(o);
                }
            }

            originStart[a + 1] = list.Count;
            cell[a + 1] = cell[a] + (ringLength[a] * (originStart[a + 1] - originStart[a]));
        }

        return new PipelineLayout(cell, originStart, [.. list], slot);
    }
}
