using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SupplySim.Simulation;

/// <summary>
/// Eight independent <see cref="Rng"/> streams, one per trial of a <see cref="BatchKernel"/> batch, advanced
/// together in <see cref="Vector512{T}"/> registers. A draw takes a lane mask: only the lanes whose trial would
/// have drawn in the scalar kernel advance, so every trial consumes exactly the numbers it would alone.
/// A mutable struct: pass by <c>ref</c>.
/// </summary>
internal struct RngBatch
{
    private const double Unit = 1.0 / (1UL << 53);

    private Vector512<ulong> _s0;
    private Vector512<ulong> _s1;
    private Vector512<ulong> _s2;
    private Vector512<ulong> _s3;

    /// <summary>Puts <paramref name="rng"/> in lane <paramref name="lane"/> (0 ≤ lane &lt; 8, unchecked).</summary>
    public void SetLane(int lane, in Rng rng)
    {
        rng.GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3);
        Word(ref _s0, lane) = s0;
        Word(ref _s1, lane) = s1;
        Word(ref _s2, lane) = s2;
        Word(ref _s3, lane) = s3;
    }

    /// <summary>The generator of lane <paramref name="lane"/>, for draws only the scalar code makes (rare distributions).</summary>
    public Rng GetLane(int lane) => Rng.FromState(Word(ref _s0, lane), Word(ref _s1, lane), Word(ref _s2, lane), Word(ref _s3, lane));

    /// <summary>One lane of a state vector in memory: a plain load or store, not an element insert into a register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong Word(ref Vector512<ulong> vector, int lane) => ref Unsafe.Add(ref Unsafe.As<Vector512<ulong>, ulong>(ref vector), lane);

    /// <summary>Next 64 bits in every lane; lanes outside <paramref name="mask"/> keep their state (their result is meaningless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> NextUInt64(Vector512<ulong> mask)
    {
        var s0 = _s0;
        var s1 = _s1;
        var s2 = _s2;
        var s3 = _s3;
        // x * 5 and x * 9 as shift-and-add: same bits, and a 64-bit vector multiply costs three uops and 15 cycles.
        var times5 = (s1 << 2) + s1;
        var rotated = RotateLeft(times5, 7);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        _s0 = Vector512.ConditionalSelect(mask, s0, _s0);
        _s1 = Vector512.ConditionalSelect(mask, s1, _s1);
        _s2 = Vector512.ConditionalSelect(mask, s2, _s2);
        _s3 = Vector512.ConditionalSelect(mask, s3, _s3);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits, as <see cref="Rng.NextDouble"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> NextDouble(Vector512<double> mask) =>
        Vector512.ConvertToDouble(NextUInt64(mask.AsUInt64()) >>> 11) * Unit;

    /// <summary>Uniform in (0, 1), as <see cref="Rng.NextOpenDouble"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> NextOpenDouble(Vector512<double> mask) =>
        (Vector512.ConvertToDouble(NextUInt64(mask.AsUInt64()) >>> 11) + Vector512.Create(0.5)) * Unit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> RotateLeft(Vector512<ulong> x, int k) => (x << k) | (x >>> (64 - k));
}
