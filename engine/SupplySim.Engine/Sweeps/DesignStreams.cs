using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>Random-stream purposes of the designs and helpers shared by them.</summary>
internal static class DesignStreams
{
    public const ulong LatinHypercube = 0x4C48_5300_0000_0001UL;
    public const ulong Morris = 0x4D4F_5252_0000_0002UL;
    public const ulong Bootstrap = 0x424F_4F54_0000_0003UL;

    /// <summary>Fisher-Yates shuffle.</summary>
    public static void Shuffle(int[] items, ref Rng rng)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Below(ref rng, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform integer in [0, n).</summary>
    public static int Below(ref Rng rng, int n) => (int)(rng.NextDouble() * n);
}
