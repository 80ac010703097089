using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>One trial in a plain <see cref="double"/>, conditions as <see cref="bool"/>: the width for CPUs without usable vectors.</summary>
internal readonly struct Lanes1 : ILanes<Lanes1, bool>
{
    private readonly double _v;

    private Lanes1(double v) => _v = v;

    public static int Count => 1;

    public static bool IsHardwareAccelerated => true;

    public static Lanes1 Zero => default;

    public static Lanes1 One => new(1.0);

    public static bool AllTrue => true;

    public static bool NoneTrue => false;

    public static Lanes1 Indices => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Create(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator +(Lanes1 left, Lanes1 right) => new(left._v + right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator -(Lanes1 left, Lanes1 right) => new(left._v - right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator *(Lanes1 left, Lanes1 right) => new(left._v * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator /(Lanes1 left, Lanes1 right) => new(left._v / right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator *(Lanes1 left, double right) => new(left._v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator *(double left, Lanes1 right) => new(left * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator /(Lanes1 left, double right) => new(left._v / right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator |(Lanes1 left, Lanes1 right) => FromBits(Bits(left) | Bits(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 operator ^(Lanes1 left, Lanes1 right) => FromBits(Bits(left) ^ Bits(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(Lanes1 left, Lanes1 right) => left._v > right._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrEqual(Lanes1 left, Lanes1 right) => left._v >= right._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(Lanes1 left, Lanes1 right) => left._v < right._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanOrEqual(Lanes1 left, Lanes1 right) => left._v <= right._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualTo(Lanes1 left, Lanes1 right) => left._v == right._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 ConditionalSelect(bool mask, Lanes1 ifTrue, Lanes1 ifFalse) => mask ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SelectMask(bool mask, bool ifTrue, bool ifFalse) => mask ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool And(bool left, bool right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Or(bool left, bool right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AndNot(bool left, bool right) => left & !right;

    public static bool MaskFromBits(uint bits) => (bits & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Min(Lanes1 left, Lanes1 right) => new(Math.Min(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Max(Lanes1 left, Lanes1 right) => new(Math.Max(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Ceiling(Lanes1 value) => new(Math.Ceiling(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Sqrt(Lanes1 value) => new(Math.Sqrt(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Lanes1 value, int lane) => value._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 WithElement(Lanes1 value, int lane, double element) => new(element);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes1 value, Span<double> destination) => destination[0] = value._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyIndicesTo(Lanes1 value, Span<long> destination) => destination[0] = (long)value._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(bool mask) => mask ? 1u : 0u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 ShiftLeftBits(Lanes1 value, int count) => FromBits(Bits(value) << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 ShiftRightBits(Lanes1 value, int count) => FromBits(Bits(value) >>> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 AddBits(Lanes1 left, Lanes1 right) => FromBits(Bits(left) + Bits(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 BitsToDouble(Lanes1 value) => new(Bits(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Lanes1 value) => BitConverter.DoubleToUInt64Bits(value._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lanes1 FromBits(ulong bits) => new(BitConverter.UInt64BitsToDouble(bits));
}
