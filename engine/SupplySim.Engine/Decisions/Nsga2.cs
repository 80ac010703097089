using SupplySim.Simulation;

namespace SupplySim.Decisions;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002) for minimising several objectives over real-valued levers in
/// boxes: binary tournaments on front rank and crowding distance, simulated binary crossover (η = 15) and polynomial
/// mutation (η = 20, probability 1/levers), elitist selection of the next population from parents and children; the
/// first generation holds the box's two corners and a Latin hypercube.
/// Each generation's candidates are evaluated as one batch (the caller may evaluate them in parallel); every random
/// draw comes from a stream keyed by (seed, generation, individual), so a seed gives the same front.
/// </summary>
public static class Nsga2
{
    private const double CrossoverEta = 15, MutationEta = 20, CrossoverProbability = 0.9;

    /// <summary>
    /// Runs <paramref name="generations"/> generations of <paramref name="population"/> individuals; returns
    /// the final population's non-dominated policies with their objectives, and how many candidates were evaluated.
    /// </summary>
    /// <param name="lower">Per lever, its lower bound.</param>
    /// <param name="upper">Per lever, its upper bound.</param>
    /// <param name="evaluate">Objectives (lower is better) of a batch of lever vectors, in the same order.</param>
    /// <param name="population">Individuals per generation (even, at least 4).</param>
    /// <param name="generations">Generations after the first.</param>
    /// <param name="seed">Seed of every random draw.</param>
    public static Nsga2Result Run(IReadOnlyList<double> lower, IReadOnlyList<double> upper, Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> evaluate,
        int population, int generations, ulong seed) =>
        Run(lower, upper, evaluate, static outcomes => outcomes, population, generations, seed);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{double}, IReadOnlyList{double}, Func{IReadOnlyList{double[]}, IReadOnlyList{double[]}}, int, int, ulong)"/>,
    /// but <paramref name="evaluate"/> returns raw outcomes and <paramref name="score"/> turns the outcomes of the
    /// candidates being ranked into objectives, each time they are ranked. Objectives that depend on other
    /// candidates (regret against the best policy found so far) stay current that way.
    /// </summary>
    /// <param name="lower">Per lever, its lower bound.</param>
    /// <param name="upper">Per lever, its upper bound.</param>
    /// <param name="evaluate">Raw outcomes of a batch of lever vectors, in the same order.</param>
    /// <param name="score">Objectives (lower is better) of a list of raw outcomes, in the same order.</param>
    /// <param name="population">Individuals per generation (even, at least 4).</param>
    /// <param name="generations">Generations after the first.</param>
    /// <param name="seed">Seed of every random draw.</param>
    public static Nsga2Result Run(IReadOnlyList<double> lower, IReadOnlyList<double> upper, Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> evaluate,
        Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> score, int population, int generations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(evaluate);
        if (population < 4 || population % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "must be even and at least 4");
        }

        int d = lower.Count;
        var levers = InitialPopulation(lower, upper, population, seed);

        var outcomes = evaluate(levers).ToList();
        int evaluations = levers.Count;
        for (int g = 1; g <= generations; g++)
        {
            var objectives = score(outcomes);
            var ranks = ParetoFront.Ranks(objectives);
            var crowding = ParetoFront.Crowding(objectives, ranks);
            var children = new List<double[]>();
            for (int i = 0; i < population; i += 2)
            {
                var rng = Rng.ForStream(seed, (g * (long)population) + i, Model.StableHash.Of("nsga2 offspring"));
                var a = levers[Tournament(ranks, crowding, ref rng)];
                var b = levers[Tournament(ranks, crowding, ref rng)];
                var (c1, c2) = Crossover(a, b, lower, upper, ref rng);
                Mutate(c1, lower, upper, ref rng);
                Mutate(c2, lower, upper, ref rng);
                children.Add(c1);
                children.Add(c2);
            }

            var childOutcomes = evaluate(children);
            evaluations += children.Count;
            // Elitism: the best half of parents and children by front, then crowding.
            var pool = levers.Concat(children).ToList();
            var poolOutcomes = outcomes.Concat(childOutcomes).ToList();
            var poolObjectives = score(poolOutcomes);
            var poolRanks = ParetoFront.Ranks(poolObjectives);
            var poolCrowding = ParetoFront.Crowding(poolObjectives, poolRanks);
            // Copies of an earlier candidate's objectives go last: otherwise two copies of an extreme both keep an
            // infinite crowding distance and the front loses a point where it is sparse.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool[] copy = [.. poolObjectives.Select(o => !seen.Add(string.Join('|', o.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))))];
            int[] survivors = [.. Enumerable.Range(0, pool.Count).OrderBy(i => copy[i]).ThenBy(i => poolRanks[i]).ThenByDescending(i => poolCrowding[i])
                .ThenBy(i => i).Take(population)];
            levers = [.. survivors.Select(i => pool[i])];
            outcomes = [.. survivors.Select(i => poolOutcomes[i])];
        }

        var finalObjectives = score(outcomes);
        var finalRanks = ParetoFront.Ranks(finalObjectives);
        var front = Enumerable.Range(0, levers.Count).Where(i => finalRanks[i] == 0).ToList();
        return new Nsga2Result([.. front.Select(i => levers[i])], [.. front.Select(i => finalObjectives[i])], evaluations)
        {
            Outcomes = [.. front.Select(i => outcomes[i])],
        };
    }

    /// <summary>
    /// The first generation: the box's two corners (every lever at its lower bound, "do nothing", and every lever at its
    /// upper bound), so the ends of a cost-risk front are there from the start and a lever that buys nothing is pulled
    /// to its bound by crossover; the rest a Latin hypercube, one point in each of N strata of every lever.
    /// </summary>
    private static List<double[]> InitialPopulation(IReadOnlyList<double> lower, IReadOnlyList<double> upper, int population, ulong seed)
    {
        int d = lower.Count, sampled = population - 2;
        var strata = new int[d][];
        for (int j = 0; j < d; j++)
        {
            var rng = Rng.ForStream(seed, j, Model.StableHash.Of("nsga2 strata"));
            strata[j] = [.. Enumerable.Range(0, sampled)];
            for (int i = sampled - 1; i > 0; i--)
            {
                int k = (int)(rng.NextDouble() * (i + 1));
                (strata[j][i], strata[j][k]) = (strata[j][k], strata[j][i]);
            }
        }

        var levers = new List<double[]> { lower.ToArray(), upper.ToArray() };
        for (int i = 0; i < sampled; i++)
        {
            var rng = Rng.ForStream(seed, i, Model.StableHash.Of("nsga2 initial"));
            levers.Add([.. Enumerable.Range(0, d).Select(j => lower[j] + ((upper[j] - lower[j]) * (strata[j][i] + rng.NextDouble()) / sampled))]);
        }

        return levers;
    }

    private static int Tournament(int[] ranks, double[] crowding, ref Rng rng)
    {
        int a = (int)(rng.NextDouble() * ranks.Length), b = (int)(rng.NextDouble() * ranks.Length);
        return ranks[a] != ranks[b] ? (ranks[a] < ranks[b] ? a : b) : crowding[a] >= crowding[b] ? a : b;
    }

    /// <summary>Simulated binary crossover (Deb and Agrawal 1995), lever by lever, clamped to the box.</summary>
    private static (double[], double[]) Crossover(double[] a, double[] b, IReadOnlyList<double> lower, IReadOnlyList<double> upper, ref Rng rng)
    {
        double[] c1 = [.. a], c2 = [.. b];
        bool cross = rng.NextDouble() < CrossoverProbability;
        for (int j = 0; j < a.Length; j++)
        {
            double u = rng.NextDouble(), swap = rng.NextDouble();
            if (!cross || swap < 0.5 || Math.Abs(a[j] - b[j]) < 1e-14)
            {
                continue;
            }

            double beta = u <= 0.5 ? Math.Pow(2 * u, 1 / (CrossoverEta + 1)) : Math.Pow(1 / (2 * (1 - u)), 1 / (CrossoverEta + 1));
            c1[j] = Math.Clamp(0.5 * (((1 + beta) * a[j]) + ((1 - beta) * b[j])), lower[j], upper[j]);
            c2[j] = Math.Clamp(0.5 * (((1 - beta) * a[j]) + ((1 + beta) * b[j])), lower[j], upper[j]);
        }

        return (c1, c2);
    }

    /// <summary>Polynomial mutation (Deb and Goyal 1996), each lever with probability 1/levers.</summary>
    private static void Mutate(double[] x, IReadOnlyList<double> lower, IReadOnlyList<double> upper, ref Rng rng)
    {
        for (int j = 0; j < x.Length; j++)
        {
            double chance = rng.NextDouble(), u = rng.NextDouble();
            if (chance >= 1.0 / x.Length)
            {
                continue;
            }

            double delta = u < 0.5 ? Math.Pow(2 * u, 1 / (MutationEta + 1)) - 1 : 1 - Math.Pow(2 * (1 - u), 1 / (MutationEta + 1));
            x[j] = Math.Clamp(x[j] + (delta * (upper[j] - lower[j])), lower[j], upper[j]);
        }
    }
}
