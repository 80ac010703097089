using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SupplySim.Simulation;

/// <summary>Four trials in one <see cref="Vector256{T}"/> (two 128-bit halves where AVX is off).</summary>
internal readonly struct Lanes4 : ILanes<Lanes4, Vector256<double>>
{
    private const double TwoToThe52 = 4503599627370496.0;

    /// <summary>The bits of 2^52 as a double.</summary>
    private const long TwoToThe52Bits = 0x4330000000000000;

    private readonly Vector256<double> _v;

    private Lanes4(Vector256<double> v) => _v = v;

    public static int Count => 4;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static Lanes4 Zero => new(Vector256<double>.Zero);

    public static Lanes4 One => new(Vector256<double>.One);

    public static Vector256<double> AllTrue => Vector256<double>.AllBitsSet;

    public static Vector256<double> NoneTrue => Vector256<double>.Zero;

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
    public static Lanes4 operator |(Lanes4 left, Lanes4 right) => new(left._v | right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 operator ^(Lanes4 left, Lanes4 right) => new(left._v ^ right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Lanes4 left, Lanes4 right) => Vector256.GreaterThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThanOrEqual(Lanes4 left, Lanes4 right) => Vector256.GreaterThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Lanes4 left, Lanes4 right) => Vector256.LessThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThanOrEqual(Lanes4 left, Lanes4 right) => Vector256.LessThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> EqualTo(Lanes4 left, Lanes4 right) => Vector256.Equals(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Or(Vector256<double> left, Vector256<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AndNot(Vector256<double> left, Vector256<double> right) => Vector256.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SelectMask(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) => Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

    public static Vector256<double> MaskFromBits(uint bits)
    {
        var mask = Vector256<double>.Zero;
        for (int lane = 0; lane < Count; lane++)
        {
            mask = (bits >> lane & 1) != 0 ? mask.WithElement(lane, BitConverter.Int64BitsToDouble(-1)) : mask;
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ConditionalSelect(Vector256<double> mask, Lanes4 ifTrue, Lanes4 ifFalse) =>
        new(Vector256.ConditionalSelect(mask, ifTrue._v, ifFalse._v));

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

    /// <remarks>
    /// With AVX-512 (DQ, VL) one native conversion (exact for whole doubles in range, so none of ConvertToInt64's
    /// saturation fix-ups). Without it there is no packed double-to-long instruction and the runtime converts lane by
    /// lane; instead, adding 2^52 to a whole double below 2^52 leaves the number in the mantissa bits, so one add
    /// and one integer subtract give it exactly.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyIndicesTo(Lanes4 value, Span<long> destination)
    {
        if (Avx512DQ.VL.IsSupported)
        {
            Vector256.ConvertToInt64Native(value._v).CopyTo(destination);
        }
        else
        {
            WholeToInt64(value._v).CopyTo(destination);
        }
    }

    /// <summary>Whole doubles in [0, 2^52) to longs with one add and one integer subtract (exact; see above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<long> WholeToInt64(Vector256<double> value) =>
        (value + Vector256.Create(TwoToThe52)).AsInt64() - Vector256.Create(TwoToThe52Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Vector256<double> mask) => (uint)mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ShiftLeftBits(Lanes4 value, int count) => new((value._v.AsUInt64() << count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ShiftRightBits(Lanes4 value, int count) => new((value._v.AsUInt64() >>> count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 AddBits(Lanes4 left, Lanes4 right) => new((left._v.AsUInt64() + right._v.AsUInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 BitsToDouble(Lanes4 value) => new(Vector256.ConvertToDouble(value._v.AsUInt64()));
}
