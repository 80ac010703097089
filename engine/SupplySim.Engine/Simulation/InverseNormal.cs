namespace SupplySim.Simulation;

/// <summary>
/// Standard normal inverse CDF by Acklam's rational approximation (relative error below 1.15e-9), and the CDF by
/// the Numerical Recipes complementary error function (fractional error below 1.2e-7), used only for truncation.
/// </summary>
internal static class InverseNormal
{
    private const double A0 = -3.969683028665376e+01;
    private const double A1 = 2.209460984245205e+02;
    private const double A2 = -2.759285104469687e+02;
    private const double A3 = 1.383577518672690e+02;
    private const double A4 = -3.066479806614716e+01;
    private const double A5 = 2.506628277459239e+00;
    private const double B0 = -5.447609879822406e+01;
    private const double B1 = 1.615858368580409e+02;
    private const double B2 = -1.556989798598866e+02;
    private const double B3 = 6.680131188771972e+01;
    private const double B4 = -1.328068155288572e+01;
    private const double C0 = -7.784894002430293e-03;
    private const double C1 = -3.223964580411365e-01;
    private const double C2 = -2.400758277161838e+00;
    private const double C3 = -2.549732539343734e+00;
    private const double C4 = 4.374664141464968e+00;
    private const double C5 = 2.938163982698783e+00;
    private const double D0 = 7.784695709041462e-03;
    private const double D1 = 3.224671290700398e-01;
    private const double D2 = 2.445134137142996e+00;
    private const double D3 = 3.754408661907416e+00;

    /// <summary>The z with Φ(z) = p, for p in (0, 1).</summary>
    public static double Cdf(double p)
    {
        double x;
        if (p < 0.02425)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((((C0 * q) + C1) * q) + C2) * q) + C3) * q) + C4) * q + C5) /
                ((((((((D0 * q) + D1) * q) + D2) * q) + D3) * q) + 1);
        }
        else if (p <= 1 - 0.02425)
        {
            double q = p - 0.5, r = q * q;
            x = (((((((((A0 * r) + A1) * r) + A2) * r) + A3) * r) + A4) * r + A5) * q /
                (((((((((B0 * r) + B1) * r) + B2) * r) + B3) * r) + B4) * r + 1);
        }
        else
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((((((C0 * q) + C1) * q) + C2) * q) + C3) * q) + C4) * q + C5) /
                ((((((((D0 * q) + D1) * q) + D2) * q) + D3) * q) + 1);
        }

        return x;
    }

    /// <summary>
    /// <see cref="Cdf(double)"/> of each lane, bit for bit: the central region's rational function in vector
    /// arithmetic (same operations in the same order), the tails (under 5% of draws) lane by lane. Inlined into its one
    /// caller in the kernel (the demand draw): out of line it took argument and result through the stack, and its
    /// division chain could not overlap the caller's work.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static T Cdf<T, TMask>(T p)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        var q = p - T.Create(0.5);
        var r = q * q;
        // Horner steps in the scalar expression's order: ((((A0 r + A1) r + A2) r + A3) r + A4) r + A5, times q.
        var numerator = (T.Create(A0) * r) + T.Create(A1);
        numerator = (numerator * r) + T.Create(A2);
        numerator = (numerator * r) + T.Create(A3);
        numerator = (numerator * r) + T.Create(A4);
        numerator = ((numerator * r) + T.Create(A5)) * q;
        var denominator = (T.Create(B0) * r) + T.Create(B1);
        denominator = (denominator * r) + T.Create(B2);
        denominator = (denominator * r) + T.Create(B3);
        denominator = (denominator * r) + T.Create(B4);
        denominator = (denominator * r) + T.One;
        var x = numerator / denominator;
        var tails = T.Or(T.LessThan(p, T.Create(0.02425)), T.GreaterThan(p, T.Create(1 - 0.02425)));
        for (uint bits = T.ExtractMostSignificantBits(tails); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            x = T.WithElement(x, lane, Cdf(T.GetElement(p, lane)));
        }

        return x;
    }

    /// <summary>Φ(z), the standard normal CDF.</summary>
    public static double StandardCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes erfcc).</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806 +
                      (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        double r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
