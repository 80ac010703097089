namespace SupplySim.Decisions;

/// <summary>
/// The risk a policy is judged on: a statistic over trials of a sector's shortage fraction (per trial, the largest
/// over the listed materials): CVaR95, the mean of the worst 5% of trials (Rockafellar and Uryasev 2000), or the
/// probability that it exceeds a threshold.
/// </summary>
public sealed class RiskMeasure
{
    internal RiskMeasure(string measure, string sector, IReadOnlyList<string> materials, double threshold)
    {
        Measure = measure;
        Sector = sector;
        Materials = materials;
        Threshold = threshold;
    }

    /// <summary>cvar95 or p_above.</summary>
    public string Measure { get; }

    /// <summary>The sector.</summary>
    public string Sector { get; }

    /// <summary>Its materials whose shortage fraction counts.</summary>
    public IReadOnlyList<string> Materials { get; }

    /// <summary>p_above: the threshold; NaN for cvar95.</summary>
    public double Threshold { get; }

    /// <summary>A readable name, e.g. <c>cvar95 shortage_fraction defense (ndfeb, sb)</c>.</summary>
    public string Name => Measure == "cvar95"
        ? $"CVaR95 of {Sector}'s shortage fraction ({string.Join(", ", Materials)})"
        : $"P({Sector}'s shortage fraction ({string.Join(", ", Materials)}) > {Threshold:G4})";

    /// <summary>The statistic of per-trial outcomes <paramref name="values"/>.</summary>
    public double Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Measure == "cvar95" ? ConditionalValueAtRisk(values, 0.95) : values.Count(v => v > Threshold) / (double)values.Count;
    }

    /// <summary>
    /// The mean of the worst (1 − α) share of <paramref name="values"/>, counting the trial on the boundary in part,
    /// so the measure moves smoothly with the trial count (Acerbi and Tasche 2002).
    /// </summary>
    public static double ConditionalValueAtRisk(IReadOnlyList<double> values, double alpha)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values.OrderByDescending(v => v)];
        double tail = (1 - alpha) * sorted.Length, sum = 0, taken = 0;
        for (int i = 0; i < sorted.Length && taken < tail; i++)
        {
            double weight = Math.Min(1, tail - taken);
            sum += weight * sorted[i];
            taken += weight;
        }

        return sum / tail;
    }
}
