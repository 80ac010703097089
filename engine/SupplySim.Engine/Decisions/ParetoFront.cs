namespace SupplySim.Decisions;

/// <summary>Pareto dominance and fronts for objectives that are minimised.</summary>
public static class ParetoFront
{
    /// <summary>Whether <paramref name="a"/> is no worse than <paramref name="b"/> in every objective and better in one.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool better = false;
        for (int k = 0; k < a.Count; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            better |= a[k] < b[k];
        }

        return better;
    }

    /// <summary>Indices of the points no other point dominates, in input order.</summary>
    public static int[] NonDominated(IReadOnlyList<double[]> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        return [.. Enumerable.Range(0, objectives.Count).Where(i => !objectives.Where((o, j) => j != i).Any(o => Dominates(o, objectives[i])))];
    }

    /// <summary>
    /// Fast non-dominated sorting (Deb et al. 2002): each point's front number, 0 for the non-dominated ones, 1 for
    /// those dominated only by front 0, and so on.
    /// </summary>
    public static int[] Ranks(IReadOnlyList<double[]> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        int n = objectives.Count;
        var dominated = new List<int>[n];
        var count = new int[n];
        var rank = new int[n];
        var front = new List<int>();
        for (int p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (int q = 0; q < n; q++)
            {
                if (Dominates(objectives[p], objectives[q]))
                {
                    dominated[p].Add(q);
                }
                else if (Dominates(objectives[q], objectives[p]))
                {
                    count[p]++;
                }
            }

            if (count[p] == 0)
            {
                front.Add(p);
            }
        }

        for (int r = 0; front.Count > 0; r++)
        {
            var next = new List<int>();
            foreach (int p in front)
            {
                rank[p] = r;
                foreach (int q in dominated[p])
                {
                    if (--count[q] == 0)
                    {
                        next.Add(q);
                    }
                }
            }

            front = next;
        }

        return rank;
    }

    /// <summary>Crowding distance of each point within its own front (infinite at each objective's extremes).</summary>
    public static double[] Crowding(IReadOnlyList<double[]> objectives, IReadOnlyList<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(ranks);
        int n = objectives.Count, m = n == 0 ? 0 : objectives[0].Length;
        var distance = new double[n];
        foreach (var front in Enumerable.Range(0, n).GroupBy(i => ranks[i]))
        {
            int[] members = [.. front];
            for (int k = 0; k < m; k++)
            {
                int[] sorted = [.. members.OrderBy(i => objectives[i][k]).ThenBy(i => i)];
                double span = objectives[sorted[^1]][k] - objectives[sorted[0]][k];
                distance[sorted[0]] = distance[sorted[^1]] = double.PositiveInfinity;
                for (int s = 1; s < sorted.Length - 1; s++)
                {
                    distance[sorted[s]] += span > 0 ? (objectives[sorted[s + 1]][k] - objectives[sorted[s - 1]][k]) / span : 0;
                }
            }
        }

        return distance;
    }
}
