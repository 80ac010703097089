namespace SupplySim.Sweeps;

/// <summary>
/// The unscrambled Sobol low-discrepancy sequence with Joe-Kuo (new-joe-kuo-6.21201) direction numbers, in
/// Gray-code order (Antonov and Saleev 1979), as Joe and Kuo's <c>sobol.cc</c> and SciPy's unscrambled
/// <c>qmc.Sobol</c> produce it. Deterministic and thread-safe.
/// </summary>
internal static class SobolSequence
{
    /// <summary>Most dimensions supported (the first dimension plus 39 Joe-Kuo rows).</summary>
    public const int MaxDimensions = 40;

    private const int Bits = 32;

    /// <summary>
    /// Points <paramref name="skip"/> .. <paramref name="skip"/> + <paramref name="count"/> - 1 of the sequence in
    /// [0, 1)^<paramref name="dimensions"/>; point 0 is the origin. Designs keep it: the first 2^m points from index 0
    /// form a balanced net, which skipping points breaks (Owen 2020).
    /// </summary>
    /// <returns><c>result[point][dimension]</c>.</returns>
    public static double[][] Generate(int count, int dimensions, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)count + skip, 1L << Bits);
        var directions = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            directions[d] = Directions(d);
        }

        var state = new uint[dimensions];
        var points = new double[count][];
        const double Scale = 1.0 / (1UL << Bits);
        for (long index = 1; index < skip + count; index++)
        {
            // Gray code: point i differs from point i - 1 by the direction of the lowest zero bit of i - 1.
            int bit = System.Numerics.BitOperations.TrailingZeroCount(~(ulong)(index - 1));
            for (int d = 0; d < dimensions; d++)
            {
                state[d] ^= directions[d][bit];
            }

            if (index >= skip)
            {
                points[index - skip] = [.. state.Select(x => x * Scale)];
            }
        }

        if (skip == 0 && count > 0)
        {
            points[0] = new double[dimensions];
        }

        return points;
    }

    /// <summary>Direction numbers v_1..v_32 of dimension <paramref name="dimension"/> (0-based), scaled by 2^32.</summary>
    internal static uint[] Directions(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int i = 0; i < Bits; i++)
            {
                v[i] = 1u << (Bits - 1 - i);
            }

            return v;
        }

        int[] row = JoeKuoDirections.Rows[dimension - 1];
        int a = row[0], s = row.Length - 1;
        for (int i = 0; i < s; i++)
        {
            v[i] = (uint)row[i + 1] << (Bits - 1 - i);
        }

        // Recurrence of the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1 (Bratley and Fox 1988).
        for (int i = s; i < Bits; i++)
        {
            v[i] = v[i - s] ^ (v[i - s] >> s);
            for (int k = 1; k < s; k++)
            {
                v[i] ^= (uint)((a >> (s - 1 - k)) & 1) * v[i - k];
            }
        }

        return v;
    }
}
