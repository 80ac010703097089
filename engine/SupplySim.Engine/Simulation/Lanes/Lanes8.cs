using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SupplySim.Simulation;

/// <summary>Eight trials in one <see cref="Vector512{T}"/> (two 256-bit halves where AVX-512 is off).</summary>
internal readonly struct Lanes8 : ILanes<Lanes8, Vector512<double>>
{
    private readonly Vector512<double> _v;

    private Lanes8(Vector512<double> v) => _v = v;

    public static int Count => 8;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    public static Lanes8 Zero => new(Vector512<double>.Zero);

    public static Lanes8 One => new(Vector512<double>.One);

    public static Vector512<double> AllTrue => Vector512<double>.AllBitsSet;

    public static Vector512<double> NoneTrue => Vector512<double>.Zero;

    public static Lanes8 Indices => new(Vector512<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator +(Lanes8 left, Lanes8 right) => new(left._v + right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator -(Lanes8 left, Lanes8 right) => new(left._v - right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator *(Lanes8 left, Lanes8 right) => new(left._v * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator /(Lanes8 left, Lanes8 right) => new(left._v / right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator *(Lanes8 left, double right) => new(left._v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator *(double left, Lanes8 right) => new(left * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator /(Lanes8 left, double right) => new(left._v / Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator |(Lanes8 left, Lanes8 right) => new(left._v | right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 operator ^(Lanes8 left, Lanes8 right) => new(left._v ^ right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThan(Lanes8 left, Lanes8 right) => Vector512.GreaterThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThanOrEqual(Lanes8 left, Lanes8 right) => Vector512.GreaterThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThan(Lanes8 left, Lanes8 right) => Vector512.LessThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThanOrEqual(Lanes8 left, Lanes8 right) => Vector512.LessThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> EqualTo(Lanes8 left, Lanes8 right) => Vector512.Equals(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> And(Vector512<double> left, Vector512<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Or(Vector512<double> left, Vector512<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AndNot(Vector512<double> left, Vector512<double> right) => Vector512.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SelectMask(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    public static Vector512<double> MaskFromBits(uint bits)
    {
        var mask = Vector512<double>.Zero;
        for (int lane = 0; lane < Count; lane++)
        {
            mask = (bits >> lane & 1) != 0 ? mask.WithElement(lane, BitConverter.Int64BitsToDouble(-1)) : mask;
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 ConditionalSelect(Vector512<double> mask, Lanes8 ifTrue, Lanes8 ifFalse) =>
        new(Vector512.ConditionalSelect(mask, ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Min(Lanes8 left, Lanes8 right) => new(Vector512.Min(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Max(Lanes8 left, Lanes8 right) => new(Vector512.Max(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Ceiling(Lanes8 value) => new(Vector512.Ceiling(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Sqrt(Lanes8 value) => new(Vector512.Sqrt(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Lanes8 value, int lane) => value._v.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 WithElement(Lanes8 value, int lane, double element) => new(value._v.WithElement(lane, element));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes8 value, Span<double> destination) => value._v.CopyTo(destination);

    // Exact whole doubles in range: the native conversion needs none of ConvertToInt64's saturation fix-ups.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyIndicesTo(Lanes8 value, Span<long> destination) => Vector512.ConvertToInt64Native(value._v).CopyTo(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Vector512<double> mask) => (uint)mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 ShiftLeftBits(Lanes8 value, int count) => new((value._v.AsUInt64() << count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 ShiftRightBits(Lanes8 value, int count) => new((value._v.AsUInt64() >>> count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 AddBits(Lanes8 left, Lanes8 right) => new((left._v.AsUInt64() + right._v.AsUInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 BitsToDouble(Lanes8 value) => new(Vector512.ConvertToDouble(value._v.AsUInt64()));
}
