namespace SupplySim.Decisions;

/// <summary>What <see cref="Nsga2"/> found.</summary>
/// <param name="Levers">The final non-dominated policies' lever values.</param>
/// <param name="Objectives">Their objectives, in the same order.</param>
/// <param name="Evaluations">Candidates evaluated in all.</param>
public sealed record Nsga2Result(IReadOnlyList<double[]> Levers, IReadOnlyList<double[]> Objectives, int Evaluations)
{
    /// <summary>Their raw outcomes as the evaluator returned them (equal to <see cref="Objectives"/> without a scoring function).</summary>
    public IReadOnlyList<double[]> Outcomes { get; init; } = [];
}
