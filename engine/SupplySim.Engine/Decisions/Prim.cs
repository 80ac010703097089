namespace SupplySim.Decisions;

/// <summary>
/// The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, as in EMA Workbench: starting
/// from the box holding every point, repeatedly peel off the share <c>alpha</c> of the remaining points at the low or
/// high end of one input, until the box holds fewer than <c>minimumMass</c> of all points. Each step's box is one point
/// of the trajectory (coverage against density); the chosen box is the densest with at least the requested coverage.
/// </summary>
/// <remarks>
/// <para>The peel taken is the one with the largest gain in density per point removed (EMA Workbench's default
/// objective, <c>lenient1</c>). Ranking by the density after the peel alone rewards removing much mass at once.</para>
/// <para>Equal values are peeled together, so on a discrete input (a grid, a Morris level, a value list) one "5%" peel can
/// remove a whole level. A peel that would remove more than 2·alpha of the box is taken only if the points it removes
/// hold significantly fewer cases than the points it keeps (one-sided binomial, p &lt; 0.05), or if no other peel is
/// possible (every input discrete with levels that large): otherwise noise in one large level decides the box.</para>
/// <para>Deterministic: ties go to the first input, then to the low end.</para>
/// </remarks>
public static class Prim
{
    /// <summary>Significance a peel removing more than 2·alpha of the box must reach (see the remarks).</summary>
    internal const double OversizedPeelLevel = 0.05;

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
            if (BestPeel(inputs, interesting, inside, alpha) is not { } peel || peel.Kept.Count < minimumMass * n)
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

    /// <summary>
    /// The peel with the largest density gain per point removed among the admissible ones; when none is admissible, the
    /// best oversized one (every possible peel removes a large tied level); null when no peel removes anything.
    /// </summary>
    private static Candidate? BestPeel(IReadOnlyList<double[]> inputs, IReadOnlyList<bool> interesting, List<int> inside, double alpha)
    {
        int hits = inside.Count(i => interesting[i]);
        double density = hits / (double)inside.Count;
        double largestPeel = 2 * alpha * inside.Count;
        Candidate? best = null, bestOversized = null;
        for (int j = 0; j < inputs[0].Length; j++)
        {
            double[] values = [.. inside.Select(i => inputs[i][j]).Order()];
            int cut = Math.Max(1, (int)Math.Floor(alpha * values.Length));
            foreach (bool low in new[] { true, false })
            {
                // Peel every point at or beyond the alpha quantile: ties go together, so a peel never splits equal values.
                double bound = low ? values[cut - 1] : values[values.Length - cut];
                var kept = inside.Where(i => low ? inputs[i][j] > bound : inputs[i][j] < bound).ToList();
                int removed = inside.Count - kept.Count;
                if (kept.Count == 0 || removed == 0)
                {
                    continue;
                }

                int keptHits = kept.Count(i => interesting[i]);
                double keptDensity = keptHits / (double)kept.Count;
                var candidate = new Candidate(j, low, kept, (keptDensity - density) / removed);
                bool admissible = removed <= largestPeel || RemovesSignificantlyFewerCases(removed, hits - keptHits, keptDensity);
                ref var slot = ref admissible ? ref best : ref bestOversized;
                if (slot is null || candidate.GainPerPoint > slot.Value.GainPerPoint)
                {
                    slot = candidate;
                }
            }
        }

        return best ?? bestOversized;
    }

    /// <summary>
    /// Whether <paramref name="removedHits"/> cases among <paramref name="removed"/> points are significantly fewer than the
    /// kept points' share <paramref name="keptDensity"/> predicts: P(X &lt;= removedHits) below
    /// <see cref="OversizedPeelLevel"/>, X ~ Binomial(removed, keptDensity).
    /// </summary>
    private static bool RemovesSignificantlyFewerCases(int removed, int removedHits, double keptDensity) =>
        MathNet.Numerics.Distributions.Binomial.CDF(keptDensity, removed, removedHits) < OversizedPeelLevel;

    /// <summary>One possible peel: the input, the end, the points it keeps and its lenient1 objective.</summary>
    private readonly record struct Candidate(int Input, bool Low, List<int> Kept, double GainPerPoint);

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
