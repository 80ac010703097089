using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>
/// Morris trajectories (Morris, "Factorial sampling plans for preliminary computational experiments",
/// Technometrics 33, 1991) on a p-level grid of the unit cube with step Δ = p / (2 (p - 1)).
/// </summary>
internal static class MorrisDesign
{
    /// <summary>The step of a <paramref name="levels"/>-level grid, p / (2 (p - 1)).</summary>
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    /// <summary>
    /// <paramref name="trajectories"/> trajectories of k + 1 points each: a random grid point (any of the p levels in
    /// each dimension), then each dimension in a random order moved by +Δ if its level is in the lower half of the grid
    /// or by -Δ if it is in the upper half, so consecutive points differ in exactly one coordinate. Stepping down from
    /// the upper half gives the same elementary effects as Morris's base point in the lower levels stepped up.
    /// <paramref name="levels"/> must be even.
    /// </summary>
    /// <returns><c>result[point][dimension]</c>, <c>trajectories * (k + 1)</c> points.</returns>
    public static double[][] Generate(int trajectories, int dimensions, int levels, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "must be even");
        }

        double delta = Delta(levels);
        var points = new double[trajectories * (dimensions + 1)][];
        var order = new int[dimensions];
        for (int t = 0; t < trajectories; t++)
        {
            var rng = Rng.ForStream(seed, t, DesignStreams.Morris);
            var x = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                x[d] = DesignStreams.Below(ref rng, levels) / (double)(levels - 1);
                order[d] = d;
            }

            DesignStreams.Shuffle(order, ref rng);
            int row = t * (dimensions + 1);
            points[row] = (double[])x.Clone();
            for (int step = 0; step < dimensions; step++)
            {
                int d = order[step];

                // With p even, a level is either <= 1 - Δ (room to step up) or >= Δ (room to step down), never both.
                x[d] = x[d] + delta <= 1 + 1e-12 ? Math.Min(1, x[d] + delta) : Math.Max(0, x[d] - delta);
                points[row + 1 + step] = (double[])x.Clone();
            }
        }

        return points;
    }
}
