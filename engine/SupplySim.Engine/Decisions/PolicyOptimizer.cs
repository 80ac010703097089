namespace SupplySim.Decisions;

/// <summary>
/// Searches the levers for the Pareto front of robust expected cost against robust risk with NSGA-II: each
/// generation's policies are evaluated as one parallel batch on common random numbers, and the scenarios' outcomes
/// are combined by the problem's <see cref="Robustness"/> each time policies are ranked (regret against the best
/// policy found so far in each scenario). The front is then pruned: levers that buy nothing are set to their lower
/// bound. Deterministic per seed, whatever the thread count.
/// </summary>
public static class PolicyOptimizer
{
    /// <summary>Fewest evaluations a search may have: a population of 8, evaluated once.</summary>
    public const int MinimumBudget = 8;

    /// <summary>
    /// How a budget is spent: a quarter at most on pruning the front, the rest on NSGA-II generations of a population
    /// of a tenth of it, even, between 8 and 40 (generations matter more than width on 2 cores).
    /// </summary>
    public static (int Population, int Generations, int Pruning) Plan(int budget)
    {
        int pruning = budget / 4, population = Math.Clamp((budget - pruning) / 10 / 2 * 2, 8, 40);
        return (population, ((budget - pruning) / population) - 1, pruning);
    }

    /// <summary>Runs a search of about <paramref name="budget"/> policy evaluations.</summary>
    /// <param name="evaluator">Evaluates policies (trials, seed, scenarios).</param>
    /// <param name="budget">Policy evaluations at most (each runs every judged scenario).</param>
    /// <param name="seed">Seed of the search's own draws.</param>
    /// <param name="threads">Policies evaluated at once; -1 for all cores.</param>
    /// <param name="progress">Receives the number of policies evaluated so far, after each generation.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public static OptimizationResult Run(PolicyEvaluator evaluator, int budget, ulong seed, int threads = -1, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Search(evaluator.Problem, batch => evaluator.EvaluateAll(batch, threads, cancellationToken), budget, seed, progress);
    }

    /// <summary>
    /// Runs a search whose generations are evaluated by <paramref name="evaluateBatch"/> (in parallel, from a work folder
    /// filled by shards, ...); the search itself is the same, so the same outcomes give the same front.
    /// </summary>
    /// <param name="problem">The question.</param>
    /// <param name="evaluateBatch">Outcomes of a generation's policies (lever values, internal units), in order.</param>
    /// <param name="budget">Policy evaluations at most.</param>
    /// <param name="seed">Seed of the search's own draws.</param>
    /// <param name="progress">Receives the number of policies evaluated so far, after each generation.</param>
    public static OptimizationResult Search(DecisionProblem problem, Func<IReadOnlyList<double[]>, IReadOnlyList<PolicyOutcome>> evaluateBatch, int budget,
        ulong seed, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(evaluateBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, MinimumBudget);
        var (population, generations, pruning) = Plan(budget);
        var evaluated = new List<PolicyOutcome>();
        int scenarios = problem.ScenarioIds.Count;
        double[] bestCost = [.. Enumerable.Repeat(double.PositiveInfinity, scenarios)];
        double[] bestRisk = [.. bestCost];

        IReadOnlyList<double[]> Evaluate(IReadOnlyList<double[]> batch)
        {
            var outcomes = evaluateBatch(batch);
            foreach (var outcome in outcomes)
            {
                var total = outcome.ExpectedTotalCost;
                for (int s = 0; s < scenarios; s++)
                {
                    bestCost[s] = Math.Min(bestCost[s], total[s]);
                    bestRisk[s] = Math.Min(bestRisk[s], outcome.Risk[s]);
                }
            }

            evaluated.AddRange(outcomes);
            progress?.Report(evaluated.Count);
            return [.. outcomes.Select(o => o.ToVector())];
        }

        IReadOnlyList<double[]> Score(IReadOnlyList<double[]> vectors) =>
            [.. vectors.Select(v => Objectives(problem, PolicyOutcome.FromVector([], v), bestCost, bestRisk))];

        var lower = problem.Levers.Select(l => l.Lower).ToArray();
        var upper = problem.Levers.Select(l => l.Upper).ToArray();
        var result = Nsga2.Run(lower, upper, Evaluate, Score, population, generations, seed);
        var front = new List<PolicyOutcome>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < result.Levers.Count; i++)
        {
            double[] levers = [.. problem.Levers.Select((lever, j) => lever.Normalise(result.Levers[i][j]))];
            if (seen.Add(Key(levers)))
            {
                front.Add(PolicyOutcome.FromVector(levers, result.Outcomes[i]));
            }
        }

        front = Prune(problem, front, pruning, Evaluate, Score);
        var objectives = Score([.. front.Select(o => o.ToVector())]);
        int[] order = [.. ParetoFront.NonDominated(objectives).GroupBy(i => Key(front[i].Levers)).Select(g => g.First())
            .OrderBy(i => objectives[i][0]).ThenBy(i => objectives[i][1])];
        return new OptimizationResult(problem, [.. order.Select(i => front[i])], [.. order.Select(i => objectives[i])], evaluated, population, generations);
    }

    /// <summary>
    /// Pruning (a local step after the evolutionary search): NSGA-II moves a lever that buys nothing only by small
    /// mutations, so front policies keep paying for stock or capacity that changes no outcome. Each front policy,
    /// cheapest first while <paramref name="budget"/> lasts, is tried with each lever at its lower bound in turn;
    /// the drops that worsen neither objective are then tried together. Returns the front policies and every policy
    /// the pruning found that is at least as good as the one it came from.
    /// </summary>
    private static List<PolicyOutcome> Prune(DecisionProblem problem, List<PolicyOutcome> front, int budget,
        Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> evaluate, Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> score)
    {
        var singles = new List<(int Policy, int Lever, double[] Levers)>();
        foreach (var (policy, i) in front.Select((p, i) => (p, i)).OrderBy(x => x.p.ExpectedTotalCost.Max()))
        {
            var drops = Enumerable.Range(0, problem.Levers.Count).Where(j => policy.Levers[j] > problem.Levers[j].Lower).ToList();
            if (singles.Count + drops.Count + front.Count > budget)
            {
                break;
            }

            singles.AddRange(drops.Select(j => (i, j, policy.Levers.Select((v, k) => k == j ? problem.Levers[k].Lower : v).ToArray())));
        }

        if (singles.Count == 0)
        {
            return front;
        }

        var singleOutcomes = evaluate([.. singles.Select(c => c.Levers)]);
        var kept = new List<PolicyOutcome>(front);
        var accepted = new Dictionary<int, List<int>>();
        var frontObjectives = score([.. front.Select(o => o.ToVector())]);
        var singleObjectives = score(singleOutcomes);
        for (int c = 0; c < singles.Count; c++)
        {
            var (policy, lever, levers) = singles[c];
            if (singleObjectives[c][0] <= frontObjectives[policy][0] && singleObjectives[c][1] <= frontObjectives[policy][1])
            {
                kept.Add(PolicyOutcome.FromVector(levers, singleOutcomes[c]));
                (accepted.TryGetValue(policy, out var list) ? list : accepted[policy] = []).Add(lever);
            }
        }

        var combined = accepted.Where(a => a.Value.Count > 1).OrderBy(a => a.Key)
            .Select(a => front[a.Key].Levers.Select((v, k) => a.Value.Contains(k) ? problem.Levers[k].Lower : v).ToArray()).ToList();
        if (combined.Count > 0)
        {
            var combinedOutcomes = evaluate(combined);
            kept.AddRange(combined.Select((levers, c) => PolicyOutcome.FromVector(levers, combinedOutcomes[c])));
        }

        return kept;
    }

    private static string Key(double[] levers) => string.Join('|', levers.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The two objectives of <paramref name="outcome"/> (lower is better) under the problem's robustness; regret is
    /// measured against <paramref name="bestCost"/> and <paramref name="bestRisk"/>, the best seen per scenario.
    /// </summary>
    public static double[] Objectives(DecisionProblem problem, PolicyOutcome outcome, IReadOnlyList<double> bestCost, IReadOnlyList<double> bestRisk)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(bestCost);
        ArgumentNullException.ThrowIfNull(bestRisk);
        var total = outcome.ExpectedTotalCost;
        return problem.Robustness switch
        {
            Robustness.WorstCase => [total.Max(), outcome.Risk.Max()],
            Robustness.Regret => [total.Select((c, s) => c - bestCost[s]).Max(), outcome.Risk.Select((r, s) => r - bestRisk[s]).Max()],
            _ => [total.Max(), 1 - RobustnessMetrics.Satisficing([outcome.Risk], problem.MaxRisk)[0]],
        };
    }
}
