using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>
/// Elementary functions in lane arithmetic: the same operations in the same order at every width, so a trial's
/// result is the same bits whatever the width (the runtime's vector <c>Exp</c> is not promised to match
/// <see cref="Math.Exp"/>, or itself across widths).
/// </summary>
internal static class LaneMath
{
    private const double Log2E = 1.4426950408889634;

    // ln 2 split in a high part with trailing zero bits (n * Ln2High is exact for |n| < 2^11) and the rest.
    private const double Ln2High = 0.693145751953125;
    private const double Ln2Low = 1.4286068203094173e-06;

    /// <summary>Arguments are clamped to ±700, where e^x is still a normal double.</summary>
    private const double Limit = 700;

    /// <summary>2^52 + 1023: added to a whole n in [-1022, 1023], its low 52 bits hold n + 1023 (the exponent of 2^n).</summary>
    private const double ExponentShift = 4503599627370496.0 + 1023;

    /// <summary>
    /// e^x per lane, relative error below 1e-14 on [-700, 700] (clamped outside): x = n ln 2 + r with |r| ≤ ln 2 / 2,
    /// e^r by its Taylor series to r^12 / 12!, times 2^n built from its bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T, TMask>(T x)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        x = T.Min(T.Max(x, T.Create(-Limit)), T.Create(Limit));
        var half = (x * Log2E) + T.Create(0.5);
        var n = T.Zero - T.Ceiling(T.Zero - half); // floor(x / ln 2 + 1/2): the nearest whole n
        var r = (x - (n * Ln2High)) - (n * Ln2Low);
        var p = (r * (1.0 / 479001600)) + T.Create(1.0 / 39916800);
        p = (p * r) + T.Create(1.0 / 3628800);
        p = (p * r) + T.Create(1.0 / 362880);
        p = (p * r) + T.Create(1.0 / 40320);
        p = (p * r) + T.Create(1.0 / 5040);
        p = (p * r) + T.Create(1.0 / 720);
        p = (p * r) + T.Create(1.0 / 120);
        p = (p * r) + T.Create(1.0 / 24);
        p = (p * r) + T.Create(1.0 / 6);
        p = (p * r) + T.Create(0.5);
        p = (p * r) + T.One;
        p = (p * r) + T.One;
        var twoToN = T.ShiftLeftBits(n + T.Create(ExponentShift), 52);
        return p * twoToN;
    }

    /// <summary>e^x of one value, bit for bit as <see cref="Exp{T, TMask}(T)"/> computes each lane.</summary>
    public static double Exp(double x) => Lanes1.GetElement(Exp<Lanes1, bool>(Lanes1.Create(x)), 0);
}
