using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupplySim.Simulation;

/// <summary>
/// The kernel's shorthand over <see cref="ILanes{TSelf}"/> (imported with <c>using static</c>): short names for
/// comparisons and selects, and access to one lane of a block for the work that differs in shape between trials.
/// Whole numbers (steps, counts, indices) are stored as doubles, which hold them exactly.
/// </summary>
internal static class Lanes
{
    /// <summary>Lane <paramref name="lane"/> of item <paramref name="item"/>, for the per-trial paths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At<T>(T[] items, int item, int lane)
        where T : struct, ILanes<T> => ref Unsafe.Add(ref Unsafe.As<T, double>(ref items[item]), lane);

    /// <summary>Lane <paramref name="lane"/> of item <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At<T>(Span<T> items, int item, int lane)
        where T : struct, ILanes<T> => ref Unsafe.Add(ref Unsafe.As<T, double>(ref items[item]), lane);

    /// <summary>Lane <paramref name="lane"/> of a block held in a local.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At<T>(ref T value, int lane)
        where T : struct, ILanes<T> => ref Unsafe.Add(ref Unsafe.As<T, double>(ref value), lane);

    /// <summary>The doubles of <paramref name="items"/>, item after item, lane after lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double FirstDouble<T>(T[] items)
        where T : struct, ILanes<T> => ref Unsafe.As<T, double>(ref MemoryMarshal.GetArrayDataReference(items));

    /// <summary>The doubles of <paramref name="items"/>, item after item, lane after lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double FirstDouble<T>(Span<T> items)
        where T : struct, ILanes<T> => ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(items));

    /// <summary>One bit per lane of <paramref name="mask"/>, lane i at bit i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Bits<T>(T mask)
        where T : struct, ILanes<T> => T.ExtractMostSignificantBits(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any<T>(T mask)
        where T : struct, ILanes<T> => T.ExtractMostSignificantBits(mask) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Where<T>(T mask, T ifTrue, T ifFalse)
        where T : struct, ILanes<T> => T.ConditionalSelect(mask, ifTrue, ifFalse);

    /// <summary><paramref name="x"/> + <paramref name="add"/> in the lanes of <paramref name="mask"/>; elsewhere <paramref name="x"/> unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T AddWhere<T>(T mask, T x, T add)
        where T : struct, ILanes<T> => T.ConditionalSelect(mask, x + add, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Gt<T>(T a, T b)
        where T : struct, ILanes<T> => T.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lt<T>(T a, T b)
        where T : struct, ILanes<T> => T.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Le<T>(T a, T b)
        where T : struct, ILanes<T> => T.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Ge<T>(T a, T b)
        where T : struct, ILanes<T> => T.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Eq<T>(T a, T b)
        where T : struct, ILanes<T> => T.EqualTo(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min<T>(T a, T b)
        where T : struct, ILanes<T> => T.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max<T>(T a, T b)
        where T : struct, ILanes<T> => T.Max(a, b);
}
