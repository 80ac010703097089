using SupplySim.Model;

namespace SupplySim.Calibration;

/// <summary>
/// The log density of a per-trial parameter's prior, up to a constant per parameter (constants cancel when particle
/// weights are normalised), and its support. Matches what <c>Sampler</c> draws, except for the mass a clamp to the
/// parameter's bounds puts on a bound: calibration treats the prior as its density inside the bounds.
/// </summary>
internal static class PriorDensity
{
    /// <summary>Whether calibration can move the parameter: a continuous per-trial prior (not fixed, not discrete).</summary>
    public static bool IsCalibratable(ParameterTable table, int p) =>
        table.IsPerTrial[p] && table.Kind[p] is not (DistributionKind.Fixed or DistributionKind.Discrete) && Width(table, p) > 0;

    /// <summary>The interval outside which the prior has no density.</summary>
    public static (double Low, double High) Support(ParameterTable table, int p)
    {
        double a = table.A[p], b = table.B[p], c = table.C[p];
        var (low, high) = table.Kind[p] switch
        {
            DistributionKind.Uniform => (a, b),
            DistributionKind.Triangular => (a, c),
            DistributionKind.Pert or DistributionKind.Beta => (a, a + b),
            DistributionKind.Lognormal => (0.0, double.PositiveInfinity),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        return (Math.Max(low, table.Lower[p]), Math.Min(high, table.Upper[p]));
    }

    /// <summary>The log density at <paramref name="value"/>; negative infinity outside the support.</summary>
    public static double Log(ParameterTable table, int p, double value)
    {
        var (low, high) = Support(table, p);
        if (!(value >= low && value <= high))
        {
            return double.NegativeInfinity;
        }

        double a = table.A[p], b = table.B[p], c = table.C[p], d = table.D[p];
        switch (table.Kind[p])
        {
            case DistributionKind.Uniform:
                return 0;
            case DistributionKind.Triangular:
                // min a, mode b, max c.
                return value < b ? Math.Log(Math.Max(value - a, 0) / (b - a)) : value > b ? Math.Log(Math.Max(c - value, 0) / (c - b)) : 0;
            case DistributionKind.Pert:
            case DistributionKind.Beta:
                double x = (value - a) / b;
                return ((c - 1) * Math.Log(x)) + ((d - 1) * Math.Log(1 - x));
            case DistributionKind.Normal:
                double z = (value - a) / b;
                return -0.5 * z * z;
            case DistributionKind.Lognormal:
                double y = (Math.Log(value) - a) / b;
                return (-0.5 * y * y) - Math.Log(value);
            default:
                throw new InvalidOperationException($"parameter {table.Names[p]} has no density");
        }
    }

    private static double Width(ParameterTable table, int p)
    {
        // Normal and lognormal spread is their (log-space) standard deviation; the others', their support.
        var (low, high) = Support(table, p);
        return table.Kind[p] is DistributionKind.Normal or DistributionKind.Lognormal ? table.B[p] : high - low;
    }
}
