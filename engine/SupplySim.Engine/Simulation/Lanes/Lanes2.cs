using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SupplySim.Simulation;

/// <summary>Two trials in one <see cref="Vector128{T}"/> (SSE2 on x64, AdvSimd on Arm64).</summary>
internal readonly struct Lanes2 : ILanes<Lanes2, Vector128<double>>
{
    private const double TwoToThe52 = 4503599627370496.0;

    /// <summary>The bits of 2^52 as a double.</summary>
    private const long TwoToThe52Bits = 0x4330000000000000;

    private readonly Vector128<double> _v;

    private Lanes2(Vector128<double> v) => _v = v;

    public static int Count => 2;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static Lanes2 Zero => new(Vector128<double>.Zero);

    public static Lanes2 One => new(Vector128<double>.One);

    public static Vector128<double> AllTrue => Vector128<double>.AllBitsSet;

    public static Vector128<double> NoneTrue => Vector128<double>.Zero;

    public static Lanes2 Indices => new(Vector128<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator +(Lanes2 left, Lanes2 right) => new(left._v + right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator -(Lanes2 left, Lanes2 right) => new(left._v - right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator *(Lanes2 left, Lanes2 right) => new(left._v * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator /(Lanes2 left, Lanes2 right) => new(left._v / right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator *(Lanes2 left, double right) => new(left._v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator *(double left, Lanes2 right) => new(left * right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator /(Lanes2 left, double right) => new(left._v / Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator |(Lanes2 left, Lanes2 right) => new(left._v | right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 operator ^(Lanes2 left, Lanes2 right) => new(left._v ^ right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThan(Lanes2 left, Lanes2 right) => Vector128.GreaterThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThanOrEqual(Lanes2 left, Lanes2 right) => Vector128.GreaterThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThan(Lanes2 left, Lanes2 right) => Vector128.LessThan(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThanOrEqual(Lanes2 left, Lanes2 right) => Vector128.LessThanOrEqual(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> EqualTo(Lanes2 left, Lanes2 right) => Vector128.Equals(left._v, right._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Or(Vector128<double> left, Vector128<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AndNot(Vector128<double> left, Vector128<double> right) => Vector128.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SelectMask(Vector128<double> mask, Vector128<double> ifTrue, Vector128<double> ifFalse) => Vector128.ConditionalSelect(mask, ifTrue, ifFalse);

    public static Vector128<double> MaskFromBits(uint bits)
    {
        var mask = Vector128<double>.Zero;
        for (int lane = 0; lane < Count; lane++)
        {
            mask = (bits >> lane & 1) != 0 ? mask.WithElement(lane, BitConverter.Int64BitsToDouble(-1)) : mask;
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 ConditionalSelect(Vector128<double> mask, Lanes2 ifTrue, Lanes2 ifFalse) =>
        new(Vector128.ConditionalSelect(mask, ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 Min(Lanes2 left, Lanes2 right) => new(Vector128.Min(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 Max(Lanes2 left, Lanes2 right) => new(Vector128.Max(left._v, right._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 Ceiling(Lanes2 value) => new(Vector128.Ceiling(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 Sqrt(Lanes2 value) => new(Vector128.Sqrt(value._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Lanes2 value, int lane) => value._v.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 WithElement(Lanes2 value, int lane, double element) => new(value._v.WithElement(lane, element));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes2 value, Span<double> destination) => value._v.CopyTo(destination);

    /// <remarks>
    /// With AVX-512 (DQ, VL) one native conversion (exact for whole doubles in range, so none of ConvertToInt64's
    /// saturation fix-ups). Without it there is no packed double-to-long instruction and the runtime converts lane by
    /// lane; instead, adding 2^52 to a whole double below 2^52 leaves the number in the mantissa bits, so one add
    /// and one integer subtract give it exactly.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyIndicesTo(Lanes2 value, Span<long> destination)
    {
        if (Avx512DQ.VL.IsSupported)
        {
            Vector128.ConvertToInt64Native(value._v).CopyTo(destination);
        }
        else
        {
            WholeToInt64(value._v).CopyTo(destination);
        }
    }

    /// <summary>Whole doubles in [0, 2^52) to longs with one add and one integer subtract (exact; see above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<long> WholeToInt64(Vector128<double> value) =>
        (value + Vector128.Create(TwoToThe52)).AsInt64() - Vector128.Create(TwoToThe52Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Vector128<double> mask) => (uint)mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 ShiftLeftBits(Lanes2 value, int count) => new((value._v.AsUInt64() << count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 ShiftRightBits(Lanes2 value, int count) => new((value._v.AsUInt64() >>> count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 AddBits(Lanes2 left, Lanes2 right) => new((left._v.AsUInt64() + right._v.AsUInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes2 BitsToDouble(Lanes2 value) => new(Vector128.ConvertToDouble(value._v.AsUInt64()));
}
