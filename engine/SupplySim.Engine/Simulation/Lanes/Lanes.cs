using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupplySim.Simulation;

/// <summary>
/// Access to one lane of a block's items, for the work that differs in shape between trials. Lanes are doubles in
/// every width (whole numbers, steps and counts, are stored as doubles, which hold them exactly), so lane <c>l</c> of
/// item <c>i</c> is double <c>i * Count + l</c>.
/// </summary>
internal static class Lanes
{
    /// <summary>Lane <paramref name="lane"/> of item <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At<T>(T[] items, int item, int lane)
        where T : struct => ref Unsafe.Add(ref Unsafe.As<T, double>(ref items[item]), lane);

    /// <summary>Lane <paramref name="lane"/> of item <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double At<T>(Span<T> items, int item, int lane)
        where T : struct => ref Unsafe.Add(ref Unsafe.As<T, double>(ref items[item]), lane);

    /// <summary>The doubles of <paramref name="items"/>, item after item, lane after lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double FirstDouble<T>(Span<T> items)
        where T : struct => ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(items));
}
