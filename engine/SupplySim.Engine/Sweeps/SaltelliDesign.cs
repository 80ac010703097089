namespace SupplySim.Sweeps;

/// <summary>
/// Saltelli's sampling scheme for Sobol indices (Saltelli et al., "Variance based sensitivity analysis of model
/// output", Comput. Phys. Commun. 181, 2010): base matrices A and B from the first and last k columns of a
/// 2k-dimensional Sobol sequence, points 0..N-1 (the origin included), and AB_i = A with column i taken from B.
/// </summary>
internal static class SaltelliDesign
{
    /// <summary>Points per base sample: A, AB_1..AB_k, B.</summary>
    public static int BlockSize(int dimensions) => dimensions + 2;

    /// <summary>
    /// <paramref name="baseSamples"/> blocks of <c>k + 2</c> points, block j being
    /// <c>A_j, AB_j^1, ..., AB_j^k, B_j</c> (SALib's order). With N a power of two, points 0..N-1 are a (t, m, s)-net:
    /// every stratum [j/N, (j+1)/N) of every dimension holds exactly one point. Dropping the origin (points 1..N)
    /// breaks that balance and the faster QMC convergence with it (Owen 2020, "On dropping the first Sobol' point").
    /// </summary>
    /// <returns><c>result[point][dimension]</c>, <c>baseSamples * (k + 2)</c> points.</returns>
    public static double[][] Generate(int baseSamples, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(2 * dimensions, SobolSequence.MaxDimensions);
        var sobol = SobolSequence.Generate(baseSamples, 2 * dimensions);
        int block = BlockSize(dimensions);
        var points = new double[baseSamples * block][];
        for (int j = 0; j < baseSamples; j++)
        {
            double[] a = sobol[j][..dimensions], b = sobol[j][dimensions..];
            points[j * block] = a;
            for (int i = 0; i < dimensions; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[(j * block) + 1 + i] = ab;
            }

            points[(j * block) + block - 1] = b;
        }

        return points;
    }

    /// <summary>Splits outputs in design order into f(A), f(B) and f(AB_i) (<c>[i][j]</c>).</summary>
    public static (double[] A, double[] B, double[][] AB) Split(IReadOnlyList<double> outputs, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        int block = BlockSize(dimensions);
        if (outputs.Count % block != 0)
        {
            throw new ArgumentException($"expected a multiple of {block} outputs, got {outputs.Count}", nameof(outputs));
        }

        int n = outputs.Count / block;
        var a = new double[n];
        var b = new double[n];
        var ab = new double[dimensions][];
        for (int i = 0; i < dimensions; i++)
        {
            ab[i] = new double[n];
        }

        for (int j = 0; j < n; j++)
        {
            a[j] = outputs[j * block];
            for (int i = 0; i < dimensions; i++)
            {
                ab[i][j] = outputs[(j * block) + 1 + i];
            }

            b[j] = outputs[(j * block) + block - 1];
        }

        return (a, b, ab);
    }
}
