namespace SupplySim.Decisions;

/// <summary>What <see cref="PolicyOptimizer"/> found: the Pareto front of robust cost against robust risk, and every policy it evaluated.</summary>
public sealed class OptimizationResult
{
    internal OptimizationResult(DecisionProblem problem, IReadOnlyList<PolicyOutcome> front, IReadOnlyList<double[]> frontObjectives,
        IReadOnlyList<PolicyOutcome> evaluated, int population, int generations)
    {
        Problem = problem;
        Front = front;
        FrontObjectives = frontObjectives;
        Evaluated = evaluated;
        Population = population;
        Generations = generations;
    }

    /// <summary>The question.</summary>
    public DecisionProblem Problem { get; }

    /// <summary>The non-dominated policies, cheapest first, without copies.</summary>
    public IReadOnlyList<PolicyOutcome> Front { get; }

    /// <summary>Their two objectives (<see cref="DecisionProblem.ObjectiveNames"/>), in the same order.</summary>
    public IReadOnlyList<double[]> FrontObjectives { get; }

    /// <summary>Every policy evaluated, in evaluation order.</summary>
    public IReadOnlyList<PolicyOutcome> Evaluated { get; }

    /// <summary>NSGA-II population size.</summary>
    public int Population { get; }

    /// <summary>Generations after the first.</summary>
    public int Generations { get; }

    /// <summary>
    /// The objectives of every evaluated policy, in <see cref="Evaluated"/>'s order, regret measured against the best
    /// of all evaluated policies per scenario (as the front's are).
    /// </summary>
    public IReadOnlyList<double[]> EvaluatedObjectives()
    {
        int scenarios = Problem.ScenarioIds.Count;
        double[] bestCost = [.. Enumerable.Range(0, scenarios).Select(s => Evaluated.Min(o => o.ExpectedTotalCost[s]))];
        double[] bestRisk = [.. Enumerable.Range(0, scenarios).Select(s => Evaluated.Min(o => o.Risk[s]))];
        return [.. Evaluated.Select(o => PolicyOptimizer.Objectives(Problem, o, bestCost, bestRisk))];
    }
}
