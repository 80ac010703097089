using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>
/// One <see cref="Rng"/> stream per trial of a block, advanced together in <typeparamref name="T"/> registers (each
/// lane's 64 bits are its state words). A draw takes a lane mask: only the lanes whose trial draws advance, so every
/// trial consumes exactly the numbers it would alone, whatever the width. A mutable struct: pass by <c>ref</c>.
/// </summary>
internal struct RngLanes<T, TMask>
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    private const double Unit = 1.0 / (1UL << 53);

    private T _s0;
    private T _s1;
    private T _s2;
    private T _s3;

    /// <summary>Puts <paramref name="rng"/> in lane <paramref name="lane"/> (0 ≤ lane &lt; Count, unchecked).</summary>
    public void SetLane(int lane, in Rng rng)
    {
        rng.GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3);
        Word(ref _s0, lane) = s0;
        Word(ref _s1, lane) = s1;
        Word(ref _s2, lane) = s2;
        Word(ref _s3, lane) = s3;
    }

    /// <summary>The generator of lane <paramref name="lane"/>, for draws only per-trial code makes (rare distributions).</summary>
    public Rng GetLane(int lane) => Rng.FromState(Word(ref _s0, lane), Word(ref _s1, lane), Word(ref _s2, lane), Word(ref _s3, lane));

    /// <summary>One lane of a state word in memory: a plain load or store, not an element insert into a register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong Word(ref T word, int lane) => ref Unsafe.Add(ref Unsafe.As<T, ulong>(ref word), lane);

    /// <summary>Next 64 bits in every lane (xoshiro256**, as <see cref="Rng.NextUInt64"/>); lanes outside <paramref name="mask"/> keep their state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T NextUInt64(TMask mask)
    {
        var s0 = _s0;
        var s1 = _s1;
        var s2 = _s2;
        var s3 = _s3;
        // x * 5 and x * 9 as shift-and-add: same bits, and a 64-bit vector multiply costs three uops and 15 cycles.
        var times5 = T.AddBits(T.ShiftLeftBits(s1, 2), s1);
        var rotated = RotateLeft(times5, 7);
        var result = T.AddBits(T.ShiftLeftBits(rotated, 3), rotated);
        var t = T.ShiftLeftBits(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        _s0 = T.ConditionalSelect(mask, s0, _s0);
        _s1 = T.ConditionalSelect(mask, s1, _s1);
        _s2 = T.ConditionalSelect(mask, s2, _s2);
        _s3 = T.ConditionalSelect(mask, s3, _s3);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits, as <see cref="Rng.NextDouble"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T NextDouble(TMask mask) => T.BitsToDouble(T.ShiftRightBits(NextUInt64(mask), 11)) * Unit;

    /// <summary>Uniform in (0, 1), as <see cref="Rng.NextOpenDouble"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T NextOpenDouble(TMask mask) => (T.BitsToDouble(T.ShiftRightBits(NextUInt64(mask), 11)) + T.Create(0.5)) * Unit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T RotateLeft(T x, int k) => T.ShiftLeftBits(x, k) | T.ShiftRightBits(x, 64 - k);
}
