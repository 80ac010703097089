namespace SupplySim.Decisions;

/// <summary>
/// Robustness of policies across scenarios, from a table of outcomes where lower is better (cost, risk):
/// worst case (minimax), regret against the best policy in each scenario (minimax regret, Savage 1951), and
/// satisficing (share of scenarios whose outcome meets a threshold).
/// </summary>
public static class RobustnessMetrics
{
    /// <summary>Per policy, its worst outcome over the scenarios (<c>outcomes[policy][scenario]</c>).</summary>
    public static double[] WorstCase(IReadOnlyList<double[]> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes.Select(row => row.Max())];
    }

    /// <summary>Per policy, its largest regret: how much worse than the best policy of the same scenario it does.</summary>
    public static double[] MaximumRegret(IReadOnlyList<double[]> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int scenarios = outcomes[0].Length;
        var best = Enumerable.Range(0, scenarios).Select(s => outcomes.Min(row => row[s])).ToArray();
        return [.. outcomes.Select(row => Enumerable.Range(0, scenarios).Max(s => row[s] - best[s]))];
    }

    /// <summary>Per policy, the share of scenarios whose outcome is at most <paramref name="threshold"/>.</summary>
    public static double[] Satisficing(IReadOnlyList<double[]> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes.Select(row => row.Count(v => v <= threshold) / (double)row.Length)];
    }
}
