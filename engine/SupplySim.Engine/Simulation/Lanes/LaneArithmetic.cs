using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>
/// Short names for the lane operations of <typeparamref name="T"/>, for the classes that compute on blocks (the
/// kernel and its accumulators derive from it to use them unqualified): comparisons to masks, mask logic, selects,
/// min/max. Stateless.
/// </summary>
internal abstract class LaneArithmetic<T, TMask>
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    /// <summary>Every lane true.</summary>
    protected static TMask True
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => T.AllTrue;
    }

    /// <summary>Every lane false.</summary>
    protected static TMask None
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => T.NoneTrue;
    }

    /// <summary>One bit per lane of <paramref name="mask"/>, lane i at bit i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static uint Bits(TMask mask) => T.ExtractMostSignificantBits(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool Any(TMask mask) => T.ExtractMostSignificantBits(mask) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static T Where(TMask mask, T ifTrue, T ifFalse) => T.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Where(TMask mask, TMask ifTrue, TMask ifFalse) => T.SelectMask(mask, ifTrue, ifFalse);

    /// <summary><paramref name="x"/> + <paramref name="add"/> in the lanes of <paramref name="mask"/>; elsewhere <paramref name="x"/> unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static T AddWhere(TMask mask, T x, T add) => T.ConditionalSelect(mask, x + add, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask And(TMask a, TMask b) => T.And(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Or(TMask a, TMask b) => T.Or(a, b);

    /// <summary><paramref name="a"/> and not <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask AndNot(TMask a, TMask b) => T.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Gt(T a, T b) => T.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Lt(T a, T b) => T.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Le(T a, T b) => T.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Ge(T a, T b) => T.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TMask Eq(T a, T b) => T.EqualTo(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static T Min(T a, T b) => T.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static T Max(T a, T b) => T.Max(a, b);
}
