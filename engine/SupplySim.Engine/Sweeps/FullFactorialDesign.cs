namespace SupplySim.Sweeps;

/// <summary>Full-factorial grid in the unit cube.</summary>
internal static class FullFactorialDesign
{
    /// <summary>
    /// Every combination of <c>levels[d]</c> equally spaced values in [0, 1] per dimension (end points included;
    /// a single level is 0.5). The last dimension varies fastest. Deterministic.
    /// </summary>
    /// <returns><c>result[point][dimension]</c>, <c>product(levels)</c> points.</returns>
    public static double[][] Generate(IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        long total = 1;
        foreach (int level in levels)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
            total = checked(total * level);
        }

        var points = new double[total][];
        var digit = new int[levels.Count];
        for (long point = 0; point < total; point++)
        {
            points[point] = new double[levels.Count];
            for (int d = 0; d < levels.Count; d++)
            {
                points[point][d] = levels[d] == 1 ? 0.5 : digit[d] / (double)(levels[d] - 1);
            }

            for (int d = levels.Count - 1; d >= 0; d--)
            {
                if (++digit[d] < levels[d])
                {
                    break;
                }

                digit[d] = 0;
            }
        }

        return points;
    }
}
