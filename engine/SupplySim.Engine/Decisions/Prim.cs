namespace SupplySim.Decisions;

/// <summary>
/// The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, as in EMA Workbench: starting
/// from the box holding every point, repeatedly peel off the share <c>alpha</c> of the remaining points at the low or
/// high end of one input, whichever peel leaves the highest share of cases of interest in the box, until the box
/// holds fewer than <c>minimumMass</c> of all points. Each step's box is one point of the trajectory (coverage
/// against density); the chosen box is the densest with at least the requested coverage. Deterministic: ties go to
/// the first input, then to the low end.
/// </summary>
public static class Prim
{
    /// <summary>The peeling trajectory of <paramref name="inputs"/> (<c>[point][input]</c>) for cases <paramref name="interesting"/>.</summary>
    public static IReadOnlyList<PrimBox> Peel(IReadOnlyList<double[]> inputs, IReadOnlyList<bool> interesting, double alpha = 0.05, double minimumMass = 0.05)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(interesting);
        if (inputs.Count == 0 || inputs.Count != interesting.Count)
        {
            throw new ArgumentException("need one input row per case, and at least one");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(alpha, 0.5);
        int n = inputs.Count, d = inputs[0].Length;
        int total = interesting.Count(i => i);
        var lower = Enumerable.Range(0, d).Select(j => inputs.Min(x => x[j])).ToArray();
        var upper = Enumerable.Range(0, d).Select(j => inputs.Max(x => x[j])).ToArray();
        var inside = Enumerable.Range(0, n).ToList();
        var trajectory = new List<PrimBox> { Box(lower, upper, inside, interesting, total, n) };
        while (inside.Count > minimumMass * n)
        {
            (double Density, int Input, bool Low, double Bound, List<int> Kept)? best = null;
            for (int j = 0; j < d; j++)
            {
                double[] values = [.. inside.Select(i => inputs[i][j]).Order()];
                int cut = Math.Max(1, (int)Math.Floor(alpha * values.Length));
                foreach (bool low in new[] { true, false })
                {
                    // Peel every point at or beyond the alpha quantile: ties go together, so a peel never splits equal values.
                    double bound = low ? values[cut - 1] : values[values.Length - cut];
                    var kept = inside.Where(i => low ? inputs[i][j] > bound : inputs[i][j] < bound).ToList();
                    if (kept.Count == 0 || kept.Count == inside.Count)
                    {
                        continue;
                    }

                    double density = kept.Count(i => interesting[i]) / (double)kept.Count;
                    if (best is null || density > best.Value.Density)
                    {
                        best = (density, j, low, bound, kept);
                    }
                }
            }

            if (best is not { } peel || peel.Kept.Count < minimumMass * n)
            {
                break;
            }

            // The new bound is the nearest remaining value, so the box is described by points it holds.
            if (peel.Low)
            {
                lower[peel.Input] = peel.Kept.Min(i => inputs[i][peel.Input]);
            }
            else
            {
                upper[peel.Input] = peel.Kept.Max(i => inputs[i][peel.Input]);
            }

            inside = peel.Kept;
            trajectory.Add(Box(lower, upper, inside, interesting, total, n));
        }

        return trajectory;
    }

    /// <summary>The densest box of <paramref name="trajectory"/> whose coverage is at least <paramref name="minimumCoverage"/> (the first box always qualifies).</summary>
    public static PrimBox Choose(IReadOnlyList<PrimBox> trajectory, double minimumCoverage = 0.5)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var candidates = trajectory.Where(b => b.Coverage >= minimumCoverage).ToList();
        return candidates.Count == 0 ? trajectory[0] : candidates.OrderByDescending(b => b.Density).ThenByDescending(b => b.Coverage).First();
    }

    /// <summary>
    /// EMA Workbench's quasi-p-value of one restriction of <paramref name="box"/>: the one-sided binomial chance of
    /// seeing at least the box's cases of interest among its points if their share were that of the box without the
    /// restriction on <paramref name="input"/>. Small values mean the restriction matters; large ones, that PRIM
    /// peeled noise.
    /// </summary>
    public static double QuasiPValue(IReadOnlyList<double[]> inputs, IReadOnlyList<bool> interesting, PrimBox box, PrimBox full, int input)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(interesting);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(full);
        bool Inside(double[] x, bool relaxed)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double lower = relaxed && j == input ? full.Lower[j] : box.Lower[j], upper = relaxed && j == input ? full.Upper[j] : box.Upper[j];
                if (x[j] < lower || x[j] > upper)
                {
                    return false;
                }
            }

            return true;
        }

        int n = 0, hits = 0, relaxedN = 0, relaxedHits = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            if (Inside(inputs[i], relaxed: true))
            {
                relaxedN++;
                relaxedHits += interesting[i] ? 1 : 0;
                if (Inside(inputs[i], relaxed: false))
                {
                    n++;
                    hits += interesting[i] ? 1 : 0;
                }
            }
        }

        double p = relaxedN == 0 ? 0 : relaxedHits / (double)relaxedN;
        return hits == 0 || p >= 1 ? 1 : 1 - MathNet.Numerics.Distributions.Binomial.CDF(p, n, hits - 1);
    }

    private static PrimBox Box(double[] lower, double[] upper, List<int> inside, IReadOnlyList<bool> interesting, int total, int n)
    {
        int hits = inside.Count(i => interesting[i]);
        return new PrimBox([.. lower], [.. upper], total == 0 ? 0 : hits / (double)total, inside.Count == 0 ? 0 : hits / (double)inside.Count,
            inside.Count / (double)n);
    }
}
