namespace SupplySim.Sweeps;

/// <summary>One-at-a-time design for tornado charts.</summary>
internal static class OneAtATimeDesign
{
    /// <summary>
    /// 1 + 2k points: the centre (0.5 in every dimension), then for each dimension i the centre with coordinate i at
    /// 0 (low) and at 1 (high).
    /// </summary>
    /// <returns><c>result[point][dimension]</c>.</returns>
    public static double[][] Generate(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var points = new double[1 + (2 * dimensions)][];
        points[0] = Centre(dimensions);
        for (int d = 0; d < dimensions; d++)
        {
            points[1 + (2 * d)] = Centre(dimensions);
            points[1 + (2 * d)][d] = 0;
            points[2 + (2 * d)] = Centre(dimensions);
            points[2 + (2 * d)][d] = 1;
        }

        return points;
    }

    private static double[] Centre(int dimensions) => [.. Enumerable.Repeat(0.5, dimensions)];
}
