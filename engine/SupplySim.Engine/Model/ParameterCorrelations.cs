namespace SupplySim.Model;

/// <summary>
/// Target Spearman rank correlations between per-trial parameters, applied with Iman and Conover's (1982) method: each
/// parameter keeps exactly the values it would draw on its own (its marginal), and only their pairing across trials
/// changes. Compiled from the <c>correlations:</c> section.
/// </summary>
public sealed class ParameterCorrelations
{
    internal ParameterCorrelations(IReadOnlyList<string> names, int[][] targets, double[,] spearman, double[] scoreCholesky)
    {
        Names = names;
        Targets = targets;
        Spearman = spearman;
        ScoreCholesky = scoreCholesky;
    }

    /// <summary>The correlated parameters' paths, in matrix order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The target rank correlation of parameters <c>[i, j]</c>.</summary>
    public double[,] Spearman { get; }

    /// <summary>Per parameter, the table entries it sets (a path may name several; the first one's distribution is drawn).</summary>
    internal int[][] Targets { get; }

    /// <summary>
    /// Lower Cholesky factor, row-major k × k, of the normal-score correlation that gives the target rank correlation
    /// (r = 2 sin(π ρ / 6) per entry, Pearson's relation for normal variables).
    /// </summary>
    internal double[] ScoreCholesky { get; }

    /// <summary>Number of correlated parameters.</summary>
    public int Count => Names.Count;
}
