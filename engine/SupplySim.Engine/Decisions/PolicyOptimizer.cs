namespace SupplySim.Decisions;

/// <summary>
/// Searches the levers for the Pareto front of robust expected cost against robust risk with NSGA-II: each
/// generation's policies are evaluated as one parallel batch on common random numbers, and the scenarios' outcomes
/// are combined by the problem's <see cref="Robustness"/> each time policies are ranked (regret against the best
/// policy found so far in each scenario). Deterministic per seed, whatever the thread count.
/// </summary>
public static class PolicyOptimizer
{
    /// <summary>Fewest evaluations a search may have: a population of 8, evaluated once.</summary>
    public const int MinimumBudget = 8;

    /// <summary>The NSGA-II population for a budget: a tenth of it, even, between 8 and 40 (generations matter more than width on 2 cores).</summary>
    public static int PopulationFor(int budget) => Math.Clamp(budget / 10 / 2 * 2, 8, 40);

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
        int population = PopulationFor(budget), generations = (budget / population) - 1;
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
        var front = new List<(PolicyOutcome Outcome, double[] Objectives)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < result.Levers.Count; i++)
        {
            double[] levers = [.. problem.Levers.Select((lever, j) => lever.Normalise(result.Levers[i][j]))];
            if (seen.Add(string.Join('|', levers.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))))
            {
                front.Add((PolicyOutcome.FromVector(levers, result.Outcomes[i]), result.Objectives[i]));
            }
        }

        front.Sort((a, b) => a.Objectives[0] != b.Objectives[0] ? a.Objectives[0].CompareTo(b.Objectives[0]) : a.Objectives[1].CompareTo(b.Objectives[1]));
        return new OptimizationResult(problem, [.. front.Select(f => f.Outcome)], [.. front.Select(f => f.Objectives)], evaluated, population, generations);
    }

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
