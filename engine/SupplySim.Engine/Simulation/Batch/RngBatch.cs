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

    /// <summary>Puts <paramref name="rng"/> in lane <paramref name="lane"/>.</summary>
    public void SetLane(int lane, in Rng rng)
    {
        rng.GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3);
        _s0 = _s0.WithElement(lane, s0);
        _s1 = _s1.WithElement(lane, s1);
        _s2 = _s2.WithElement(lane, s2);
        _s3 = _s3.WithElement(lane, s3);
    }

    /// <summary>The generator of lane <paramref name="lane"/>, for draws only the scalar code makes (rare distributions).</summary>
    public readonly Rng GetLane(int lane) =>
        Rng.FromState(_s0.GetElement(lane), _s1.GetElement(lane), _s2.GetElement(lane), _s3.GetElement(lane));

    /// <summary>Next 64 bits in every lane; lanes outside <paramref name="mask"/> keep their state (their result is meaningless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> NextUInt64(Vector512<ulong> mask)
    {
        var s0 = _s0;
        var s1 = _s1;
        var s2 = _s2;
        var s3 = _s3;
        var result = RotateLeft(s1 * 5UL, 7) * 9UL;
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
