using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>Latin hypercube sampling (McKay, Beckman and Conover 1979) in the unit cube.</summary>
internal static class LatinHypercubeDesign
{
    /// <summary>
    /// <paramref name="samples"/> points in (0, 1)^<paramref name="dimensions"/> such that, in every dimension, each
    /// stratum <c>[j / n, (j + 1) / n)</c> holds exactly one point; the position inside the stratum and the pairing
    /// of strata across dimensions are random. The same seed gives the same design.
    /// </summary>
    /// <returns><c>result[point][dimension]</c>.</returns>
    public static double[][] Generate(int samples, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var points = new double[samples][];
        for (int point = 0; point < samples; point++)
        {
            points[point] = new double[dimensions];
        }

        var strata = new int[samples];
        for (int d = 0; d < dimensions; d++)
        {
            var rng = Rng.ForStream(seed, d, DesignStreams.LatinHypercube);
            for (int j = 0; j < samples; j++)
            {
                strata[j] = j;
            }

            DesignStreams.Shuffle(strata, ref rng);
            for (int point = 0; point < samples; point++)
            {
                points[point][d] = (strata[point] + rng.NextOpenDouble()) / samples;
            }
        }

        return points;
    }
}
