using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Draws from compiled parameters with a <c>switch</c> on the kind (no virtual calls, no allocation). Continuous
/// draws use one uniform through an inverse CDF where one exists, so a stream's position after a draw does not
/// depend on the value drawn.
/// </summary>
internal static class Sampler
{
    public static double Sample(ParameterTable table, int index, ref Rng rng)
    {
        double a = table.A[index], b = table.B[index];
        double value;
        switch (table.Kind[index])
        {
            case DistributionKind.Fixed:
                return a;
            case DistributionKind.Uniform:
                value = a + ((b - a) * rng.NextDouble());
                break;
            case DistributionKind.Triangular:
                value = Triangular(a, b, table.C[index], rng.NextDouble());
                break;
            case DistributionKind.Pert:
            case DistributionKind.Beta:
                value = a + (b * Beta(table.C[index], table.D[index], ref rng));
                break;
            case DistributionKind.Normal:
                value = TruncatedNormal(a, b, table.Lower[index], table.Upper[index], ref rng);
                break;
            case DistributionKind.Lognormal:
                value = Math.Exp(a + (b * InverseNormal.Cdf(rng.NextOpenDouble())));
                break;
            case DistributionKind.Discrete:
                value = Discrete(table, index, rng.NextDouble());
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }

        return Math.Clamp(value, table.Lower[index], table.Upper[index]);
    }

    /// <summary>
    /// Whole steps of a per-use duration drawn from parameter <paramref name="index"/> (outage lengths, transshipment
    /// delays): rounded up, at least one; no parameter (-1) means one step, with no draw.
    /// </summary>
    public static int DrawSteps(ParameterTable table, int index, ref Rng rng, double stepDays)
    {
        if (index < 0)
        {
            return 1;
        }

        double days = Sample(table, index, ref rng);
        return Math.Max(1, (int)Math.Ceiling((days / stepDays) - 1e-9));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Triangular(double min, double mode, double max, double u)
    {
        double width = max - min;
        if (width <= 0)
        {
            return min;
        }

        double cut = (mode - min) / width;
        return u < cut
            ? min + Math.Sqrt(u * width * (mode - min))
            : max - Math.Sqrt((1 - u) * width * (max - mode));
    }

    /// <summary>Standard normal via the inverse CDF, truncated to [lo, hi] by inverting within the truncated range.</summary>
    private static double TruncatedNormal(double mean, double sd, double lo, double hi, ref Rng rng)
    {
        double u = rng.NextOpenDouble();
        if (sd <= 0)
        {
            return mean;
        }

        double pLo = double.IsNegativeInfinity(lo) || lo < -double.MaxValue / 2 ? 0 : InverseNormal.StandardCdf((lo - mean) / sd);
        double pHi = double.IsPositiveInfinity(hi) || hi > double.MaxValue / 2 ? 1 : InverseNormal.StandardCdf((hi - mean) / sd);
        double p = pLo + (u * (pHi - pLo));
        p = Math.Clamp(p, 1e-300, 1 - 1e-16);
        return mean + (sd * InverseNormal.Cdf(p));
    }

    /// <summary>Beta(α, β) as X/(X+Y) with gamma variates (Marsaglia and Tsang 2000); per-trial use only.</summary>
    private static double Beta(double alpha, double beta, ref Rng rng)
    {
        double x = Gamma(alpha, ref rng), y = Gamma(beta, ref rng);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    private static double Gamma(double shape, ref Rng rng)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            return Gamma(shape + 1, ref rng) * Math.Pow(rng.NextOpenDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z = InverseNormal.Cdf(rng.NextOpenDouble());
            double v = 1 + (c * z);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = rng.NextOpenDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Discrete(ParameterTable table, int index, double u)
    {
        int start = table.DiscreteStart[index], count = table.DiscreteCount[index];
        for (int i = 0; i < count - 1; i++)
        {
            if (u < table.DiscreteCumulative[start + i])
            {
                return table.DiscreteValues[start + i];
            }
        }

        return table.DiscreteValues[start + count - 1];
    }
}
