using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SupplySim.Simulation;

/// <summary>Four trials in one <see cref="Vector256{T}"/> (two 128-bit halves where AVX is off).</summary>
internal readonly struct Lanes4 : ILanes<Lanes4>
{
    private readonly Vector256<double> _v;

    private Lanes4(Vector256<double> v) => _v = v;

    public static int Count => 4;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static Lanes4 Zero => default;

    public static Lanes4 One => new(Vector256<double>.One);

    public static Lanes4 AllBitsSet => new(Vector256<double>.AllBitsSet);

    public static Lanes4 Indices => new(Vector256<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator +(Lanes4 left, Lanes4 right) => new(left._v + right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator -(Lanes4 left, Lanes4 right) => new(left._v - right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator *(Lanes4 left, Lanes4 right) => new(left._v * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator /(Lanes4 left, Lanes4 right) => new(left._v / right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator *(Lanes4 left, double right) => new(left._v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator *(double left, Lanes4 right) => new(left * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator /(Lanes4 left, double right) => new(left._v / Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator &(Lanes4 left, Lanes4 right) => new(left._v & right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator |(Lanes4 left, Lanes4 right) => new(left._v | right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator ^(Lanes4 left, Lanes4 right) => new(left._v ^ right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator ~(Lanes4 value) => new(~value._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 GreaterThan(Lanes4 left, Lanes4 right) => new(Vector256.GreaterThan(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 GreaterThanOrEqual(Lanes4 left, Lanes4 right) => new(Vector256.GreaterThanOrEqual(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 LessThan(Lanes4 left, Lanes4 right) => new(Vector256.LessThan(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 LessThanOrEqual(Lanes4 left, Lanes4 right) => new(Vector256.LessThanOrEqual(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 EqualTo(Lanes4 left, Lanes4 right) => new(Vector256.Equals(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ConditionalSelect(Lanes4 mask, Lanes4 ifTrue, Lanes4 ifFalse) =>
        new(Vector256.ConditionalSelect(mask._v, ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Min(Lanes4 left, Lanes4 right) => new(Vector256.Min(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Max(Lanes4 left, Lanes4 right) => new(Vector256.Max(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Ceiling(Lanes4 value) => new(Vector256.Ceiling(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Sqrt(Lanes4 value) => new(Vector256.Sqrt(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Lanes4 value, int lane) => value._v.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 WithElement(Lanes4 value, int lane, double element) => new(value._v.WithElement(lane, element));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes4 value, Span<double> destination) => value._v.CopyTo(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Lanes4 value) => (uint)value._v.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ShiftLeftBits(Lanes4 value, int count) => new((value._v.AsUInt64() << count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ShiftRightBits(Lanes4 value, int count) => new((value._v.AsUInt64() >>> count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 AddBits(Lanes4 left, Lanes4 right) => new((left._v.AsUInt64() + right._v.AsUInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 BitsToDouble(Lanes4 value) => new(Vector256.ConvertToDouble(value._v.AsUInt64()));
}
