namespace SupplySim.Model;

/// <summary>
/// Every uncertain number of a compiled network and its scenarios, as parallel arrays (struct of arrays).
/// Per-trial parameters are sampled once per trial from their own random stream (keyed by
/// <see cref="StreamKey"/>), so a parameter's draw does not depend on which other parameters exist:
/// this keeps scenarios on common random numbers. Per-use parameters (lead times, processing times,
/// outage durations) are sampled by the kernel each time from the stream of the thing that uses them.
/// </summary>
/// <remarks>
/// Encoding by kind: Fixed A=value; Uniform A=min B=max; Triangular A=min B=mode C=max; Pert and Beta
/// A=min B=width C=alpha D=beta; Normal A=mean B=sd; Lognormal A=log(median) B=sigma; Discrete values
/// and cumulative weights at [DiscreteStart, DiscreteStart+DiscreteCount). Lower/Upper bound every draw.
/// </remarks>
public sealed class ParameterTable
{
    internal ParameterTable(ParameterTableBuilder builder)
    {
        Kind = [.. builder.Kind];
        A = [.. builder.A];
        B = [.. builder.B];
        C = [.. builder.C];
        D = [.. builder.D];
        Lower = [.. builder.Lower];
        Upper = [.. builder.Upper];
        IsPerTrial = [.. builder.IsPerTrial];
        StreamKey = [.. builder.StreamKey];
        DiscreteStart = [.. builder.DiscreteStart];
        DiscreteCount = [.. builder.DiscreteCount];
        DiscreteValues = [.. builder.DiscreteValues];
        DiscreteCumulative = [.. builder.DiscreteCumulative];
        Names = [.. builder.Names];
    }

    /// <summary>Number of parameters.</summary>
    public int Count => Kind.Length;

    internal DistributionKind[] Kind { get; }

    internal double[] A { get; }

    internal double[] B { get; }

    internal double[] C { get; }

    internal double[] D { get; }

    internal double[] Lower { get; }

    internal double[] Upper { get; }

    internal bool[] IsPerTrial { get; }

    internal ulong[] StreamKey { get; }

    internal int[] DiscreteStart { get; }

    internal int[] DiscreteCount { get; }

    internal double[] DiscreteValues { get; }

    internal double[] DiscreteCumulative { get; }

    /// <summary>A readable path for each parameter (e.g. <c>nodes[cn-sb].capacity</c>), for reports and sweeps.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The mean of parameter <paramref name="index"/> (exact for untruncated kinds; used for targets).</summary>
    public double Mean(int index)
    {
        double a = A[index], b = B[index], c = C[index], d = D[index];
        double mean = Kind[index] switch
        {
            DistributionKind.Fixed => a,
            DistributionKind.Uniform => (a + b) / 2,
            DistributionKind.Triangular => (a + b + c) / 3,
            DistributionKind.Pert or DistributionKind.Beta => a + b * c / (c + d),
            DistributionKind.Normal => a,
            DistributionKind.Lognormal => Math.Exp(a + b * b / 2),
            DistributionKind.Discrete => DiscreteMean(index),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        return Math.Clamp(mean, Lower[index], Upper[index]);
    }

    private double DiscreteMean(int index)
    {
        double sum = 0, previous = 0;
        for (int i = 0; i < DiscreteCount[index]; i++)
        {
            int at = DiscreteStart[index] + i;
            sum += DiscreteValues[at] * (DiscreteCumulative[at] - previous);
            previous = DiscreteCumulative[at];
        }

        return sum;
    }
}
