using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace SupplySim.Simulation;

/// <summary>
/// Helpers for the batch kernel's layout: one <see cref="Vector512{T}"/> of doubles per state item holds that item
/// in each of the batch's <see cref="Width"/> trials (lane = trial in batch). Conditions are lane masks (all bits
/// set or clear); whole numbers (steps, counts) are stored as doubles, which hold them exactly.
/// </summary>
internal static class Lanes
{
    public const int Width = 8;

    public static readonly V True = V.AllBitsSet;

    /// <summary>Lane <paramref name="lane"/> of item <paramref name="item"/>, for the per-trial (scalar) paths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At(V[] items, int item, int lane) => ref Unsafe.Add(ref Unsafe.As<V, double>(ref items[item]), lane);

    /// <summary>Lane <paramref name="lane"/> of a vector held in a local.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At(ref V vector, int lane) => ref Unsafe.Add(ref Unsafe.As<V, double>(ref vector), lane);

    /// <summary>One bit per lane of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Bits(V mask) => (uint)mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V mask) => mask.ExtractMostSignificantBits() != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Where(V mask, V ifTrue, V ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    /// <summary><paramref name="x"/> + <paramref name="add"/> in the lanes of <paramref name="mask"/>; elsewhere <paramref name="x"/> unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V AddWhere(V mask, V x, V add) => Vector512.ConditionalSelect(mask, x + add, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Gt(V a, V b) => Vector512.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Lt(V a, V b) => Vector512.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Le(V a, V b) => Vector512.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Ge(V a, V b) => Vector512.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Eq(V a, V b) => Vector512.Equals(a, b);

    /// <summary>Math.Min per lane (NaN-propagating, -0 below +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Min(V a, V b) => Vector512.Min(a, b);

    /// <summary>Math.Max per lane (NaN-propagating, +0 above -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Max(V a, V b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Splat(double value) => Vector512.Create(value);
}
