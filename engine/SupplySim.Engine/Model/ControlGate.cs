namespace SupplySim.Model;

/// <summary>
/// Which export control (if any) gates each arc and origin on each step of a scenario. Controls start and end on a
/// few dates, so steps are grouped into epochs (runs of steps between consecutive start or end dates) and the table
/// is kept per epoch, not per step: 730 steps of a scenario with four controls become at most nine epochs, and a
/// 20,000-lane network's table shrinks from hundreds of megabytes to a few (docs/large-networks.md).
/// </summary>
internal sealed class ControlGate
{
    private ControlGate(int[] epochOfStep, int[] epochStart, int[] cells, int arcs, int origins)
    {
        EpochOfStep = epochOfStep;
        EpochStart = epochStart;
        Cells = cells;
        _arcs = arcs;
        _origins = origins;
    }

    private readonly int _arcs;
    private readonly int _origins;

    /// <summary>The epoch each step belongs to.</summary>
    public int[] EpochOfStep { get; }

    /// <summary>Each epoch's first step, ascending.</summary>
    public int[] EpochStart { get; }

    /// <summary><c>((epoch * ArcCount) + arc) * OriginCount + origin</c> → control index or -1.</summary>
    public int[] Cells { get; }

    /// <summary>The control gating <paramref name="arc"/>'s material of <paramref name="origin"/> on <paramref name="step"/>, or -1.</summary>
    public int At(int step, int arc, int origin) => Cells[(((EpochOfStep[step] * _arcs) + arc) * _origins) + origin];

    /// <summary>Where <paramref name="step"/>'s cells start in <see cref="Cells"/> (add <c>arc * OriginCount + origin</c>).</summary>
    public int StepBase(int step) => EpochOfStep[step] * _arcs * _origins;

    /// <summary>One control's claim on the gate: arcs and origin it covers from <c>Start</c> to <c>End</c> (steps, end exclusive).</summary>
    public readonly record struct Claim(int Control, bool IsBan, int Start, int End, int Origin, int[] Arcs);

    /// <summary>
    /// The gate of <paramref name="claims"/> applied in order: a cell takes a claim's control if it has none yet, or if
    /// the claim is a ban and the cell's control is not (a ban overrides a licence regime on the same cell).
    /// </summary>
    public static ControlGate Build(IReadOnlyList<Claim> claims, IReadOnlyList<bool> controlIsBan, int steps, int arcs, int origins)
    {
        var boundaries = new SortedSet<int> { 0 };
        foreach (var claim in claims)
        {
            boundaries.Add(claim.Start);
            if (claim.End < steps)
            {
                boundaries.Add(claim.End);
            }
        }

        int[] epochStart = [.. boundaries];
        var epochOfStep = new int[steps];
        for (int e = 0; e < epochStart.Length; e++)
        {
            int end = e + 1 < epochStart.Length ? epochStart[e + 1] : steps;
            Array.Fill(epochOfStep, e, epochStart[e], end - epochStart[e]);
        }

        var cells = new int[epochStart.Length * arcs * origins];
        Array.Fill(cells, -1);
        foreach (var claim in claims)
        {
            // Boundaries include every claim's start and end, so an epoch lies wholly inside or outside a claim.
            for (int e = epochOfStep[claim.Start]; e < epochStart.Length && epochStart[e] < claim.End; e++)
            {
                foreach (int a in claim.Arcs)
                {
                    int cell = (((e * arcs) + a) * origins) + claim.Origin;
                    int existing = cells[cell];
                    if (existing < 0 || (claim.IsBan && !controlIsBan[existing]))
                    {
                        cells[cell] = claim.Control;
                    }
                }
            }
        }

        return new ControlGate(epochOfStep, epochStart, cells, arcs, origins);
    }
}
