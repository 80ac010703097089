using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021), seeded through
/// SplitMix64 from <c>(seed, trial, purpose)</c>. A mutable struct: pass by <c>ref</c>, never copy or share
/// between threads. The algorithm and the stream derivation are part of the results format: a golden-value
/// test pins them.
/// </summary>
internal struct Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream for one purpose (a parameter, an arc's lead times, a consumer's demand) of one trial.</summary>
    public static Rng ForStream(ulong seed, long trial, ulong purpose)
    {
        // Distinct inputs per (seed, trial, purpose), mixed by SplitMix64 so nearby keys give unrelated streams.
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(trial + 1));
        x = SplitMix64(ref x) ^ purpose;
        Rng rng;
        rng._s0 = SplitMix64(ref x);
        rng._s1 = SplitMix64(ref x);
        rng._s2 = SplitMix64(ref x);
        rng._s3 = SplitMix64(ref x);
        return rng;
    }

    /// <summary>A generator with the given state (for reference-vector tests).</summary>
    public static Rng FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        Rng rng;
        rng._s0 = s0;
        rng._s1 = s1;
        rng._s2 = s2;
        rng._s3 = s3;
        return rng;
    }

    /// <summary>The generator's state, for <see cref="RngLanes{T, TMask}"/> lanes.</summary>
    public readonly void GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3)
    {
        s0 = _s0;
        s1 = _s1;
        s2 = _s2;
        s3 = _s3;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014), the seeding generator recommended by the xoshiro authors.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): never 0, for logarithms and inverse CDFs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
