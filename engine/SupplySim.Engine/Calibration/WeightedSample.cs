namespace SupplySim.Calibration;

/// <summary>Quantiles, moments and effective size of weighted values.</summary>
internal static class WeightedSample
{
    /// <summary>
    /// The smallest value whose cumulative weight (values sorted) reaches <paramref name="probability"/> of the total;
    /// ties of value keep their order, so the result does not depend on the sort's stability.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> values, IReadOnlyList<double> weights, double probability)
    {
        int[] order = [.. Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i)];
        double total = order.Sum(i => weights[i]), running = 0;
        foreach (int i in order)
        {
            running += weights[i];
            if (running >= probability * total)
            {
                return values[i];
            }
        }

        return values[order[^1]];
    }

    /// <summary>(Σw)² / Σw²: how many equally weighted values the weights are worth.</summary>
    public static double EffectiveSize(IReadOnlyList<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (double w in weights)
        {
            sum += w;
            squares += w * w;
        }

        return squares > 0 ? sum * sum / squares : 0;
    }

    /// <summary>Weights scaled to sum to one.</summary>
    public static double[] Normalise(IReadOnlyList<double> weights)
    {
        double total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }
}
